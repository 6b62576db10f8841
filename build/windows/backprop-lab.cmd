@echo off
rem The installed command line on Windows: runs Backprop Lab headless and waits for it, so the output
rem appears in this console and ERRORLEVEL is the command's exit status. Usage: backprop-lab help
start "" /wait /b "%~dp0Backprop Lab.exe" --cli %*
exit /b %ERRORLEVEL%

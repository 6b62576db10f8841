/** The importers, one per format; each turns file text into patterns (and, for tlearn's .cf, layers). */
export { ImportError, positionAt, type Position } from './import-error';
export { IMPORT_LIMITS, type ImportedPattern, type ImportedPatterns } from './imported';
export { importCsv, previewCsv, type CsvColumn, type CsvColumnKind, type CsvColumnRef, type CsvDelimiter, type CsvImportOptions, type CsvPreview, type CsvReadOptions } from './csv';
export { importTlearnConfig, type TlearnNetwork } from './tlearn-cf';
export { readTlearnVectors, type TlearnVectors } from './tlearn-vectors';
export { importTlearnPatterns, importTlearnProject, type TlearnFiles, type TlearnProject } from './tlearn';
export { readTlearnWeights, type TlearnWeights } from './tlearn-wts';
export { importPdpPat, type PdpPatOptions } from './pdp-pat';
export { importLensExamples, type LensExOptions } from './lens-ex';
export { layersForPatterns, modelFromImport, recurrentLayersForPatterns, type ImportedModelParts, type ImportedWeights } from './model';
export { recogniseFormat, type ImportFormat } from './recognise';
export { ImportSetError, readImportSet, readTlearnSet, sortImportFiles, type ImportAnswers, type ImportSet, type ImportStep, type NamedText, type ImportedFiles } from './file-set';
export { readNpz, readNpy, readSafetensors, TensorFileError, type Tensor } from './python-tensors';
export { importWeights, loadWeights, type WeightTransfer } from './weight-transfer';

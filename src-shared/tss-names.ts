/**
 * The two tss figures of an epoch, named apart wherever they are shown (science.md): the one summed as each
 * pattern is presented during the epoch's updates — free, PDPTool's convention, and what the error
 * criterion and the learning curve use — and the exact one a test pass gives after the epoch, which the
 * readouts show once a run stands still and the command line prints last. Shown with one name, the two
 * looked like one figure that disagreed with itself.
 */
export const TSS_DURING = 'tss during epoch';
export const TSS_AFTER = 'tss after epoch';

/** The exporters: tables for R and spreadsheets, and the model in other tools' formats. */
export { ExportError, type ExportedText } from './export-error';
export { patternActivations, type PatternActivations } from './activations';
export { outputsCsv } from './outputs-csv';
export { hiddenActivationsCsv, type HiddenCsvOptions } from './hidden-csv';
export { weightsCsv } from './weights-csv';
export { learningCurveCsv, modelLearningCurve, type LearningCurve } from './learning-curve-csv';
export { exportTlearn, tlearnConfig, tlearnData, tlearnTeach, type TlearnExport } from './tlearn';
export { tlearnReset, tlearnWeights } from './tlearn-weights';
export { exportPdpPat } from './pdp-pat';
export { exportLensExamples, sequencesOf } from './lens-ex';
export { modelArrays, type NamedArray } from './model-arrays';
export { asciiJson, FIGURE_PROVENANCE_KEY, pngWithText, svgWithMetadata } from './figure-metadata';
export { exportProvenance, provenanceJson, sha256Hex, type ExportContext, type ExportProvenance } from './provenance';
export { layerIdentifiers, projectionNames, type ProjectionName } from './array-names';
export { exportNetwork, type ExportNetwork, type ExportProjection } from './export-network';
export {
  exportFileContent,
  exportModel,
  GRAPH_EXPORT_FORMATS,
  isModelExportFormat,
  layerChoices,
  MODEL_EXPORT_FORMAT_IDS,
  MODEL_EXPORT_FORMATS,
  type LayerChoice,
  type ModelExport,
  type ModelExportExtension,
  type ModelExportFile,
  type ModelExportFormat,
} from './model-formats';

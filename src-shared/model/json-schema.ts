/** The model file's JSON Schema, generated from the one zod definition (docs/model-format.schema.json). */
import { z } from 'zod';
import { MODEL_VERSION, modelSchema } from './schema';

export function modelJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(modelSchema, { target: 'draft-2020-12' }),
    $id: `https://backprop-lab.org/schema/model-v${MODEL_VERSION}.json`,
    title: `Backprop Lab model file (.bplab), version ${MODEL_VERSION}`,
    description: 'Checks each field on its own; how fields must agree (pattern sizes, weight shapes, rule and loss) is in docs/model-format.md.',
  };
}

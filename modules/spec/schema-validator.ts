import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FileKind } from './schema';
// The schemas compiled ahead of time (`npm run schemas`): no schema compilation at run time.
import * as generated from './validators.generated';

const validators = generated as unknown as Record<FileKind, ValidateFunction>;

export function validatorFor(kind: FileKind): ValidateFunction {
  return validators[kind];
}

export function schemaErrors(kind: FileKind, value: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

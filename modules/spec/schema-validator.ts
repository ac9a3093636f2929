import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { schemas, type FileKind } from './schema';

let compiled: Record<FileKind, ValidateFunction> | undefined;

/** Schemas are compiled once per process, on first use. */
export function validatorFor(kind: FileKind): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    compiled = {
      org: ajv.compile(schemas.org),
      team: ajv.compile(schemas.team),
      alerts: ajv.compile(schemas.alerts),
    };
  }
  return compiled[kind];
}

export function schemaErrors(kind: FileKind, value: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

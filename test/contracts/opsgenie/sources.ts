/**
 * Where the Opsgenie contracts were read. The binding 1.4.1 wraps terraform-provider-opsgenie v0.6.40
 * (pulumi/pulumi-opsgenie@v1.4.1:provider/go.mod), which vendors opsgenie-go-sdk-v2; Pulumi names come from
 * pulumi/pulumi-opsgenie@v1.4.1:provider/resources.go; the REST API from opsgenie/opsgenie-oas.
 */
import type { SourceRef } from '../contract';

const TF = 'opsgenie/terraform-provider-opsgenie@v0.6.40';

/** A file of the provider's `opsgenie/` package, with a function or field after `#`. */
export const tf = (file: string, fn?: string): SourceRef => `${TF}:opsgenie/${file}.go${fn ? `#${fn}` : ''}`;

/** The Go SDK vendored by the provider at v0.6.40 (what it validates before sending). */
export const sdk = (file: string, fn?: string): SourceRef =>
  `${TF}:vendor/github.com/opsgenie/opsgenie-go-sdk-v2/${file}.go${fn ? `#${fn}` : ''}`;

/** Pulumi names of the Terraform fields (the bridge pluralises lists unless resources.go says otherwise). */
export const pulumiNames = (field?: string): SourceRef => `pulumi/pulumi-opsgenie@v1.4.1:provider/resources.go${field ? `#${field}` : ''}`;

/** The published Pulumi schema of the binding. */
export const pulumiSchema = (token: string): SourceRef =>
  `pulumi/pulumi-opsgenie@v1.4.1:provider/cmd/pulumi-resource-opsgenie/schema.json#${token}`;

/** The REST API description at its newest commit (v1.0.0-64-g71c5534; the override provider calls the API directly). */
export const oas = (file: string, anchor?: string): SourceRef => `opsgenie/opsgenie-oas@71c5534:${file}${anchor ? `#${anchor}` : ''}`;

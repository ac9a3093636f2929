/**
 * Pulumi names of what an `OnCallOrganisation` registers: each is scoped by the component's name
 * (`old/storefront-oncall-schedule`), so two organisations live in one program — the old backend and the new one
 * during a migration. The desired state keeps its plain names (plans, diffs and the deletion guard read those).
 *
 * Stacks deployed before names were scoped used the plain names under a component named `organisation` (the
 * program's): that component keeps them as aliases, so Pulumi adopts every existing resource under its new name
 * instead of replacing it.
 */
export const PROGRAM_COMPONENT = 'organisation';

const SEPARATOR = '/';

export function scopedName(component: string, name: string): string {
  return `${component}${SEPARATOR}${name}`;
}

/** The plain name of a scoped one (the policy pack compares resources with the YAML by it). */
export function plainName(name: string): string {
  return name.slice(name.lastIndexOf(SEPARATOR) + 1);
}

/** The names a resource had before names were scoped, for the component of the program only. */
export function formerNames(component: string, name: string): string[] {
  return component === PROGRAM_COMPONENT ? [name] : [];
}

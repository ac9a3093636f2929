/**
 * YAML ids from the account's display names: lower case ASCII words joined by `-` (the schema's id pattern,
 * `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`), accents folded, and a numeric suffix when two names give the same id.
 * Deterministic: the same names in the same order give the same ids.
 */
export function slug(name: string, fallback = 'item'): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let id = words.join('-');
  if (id === '' || !/^[a-z]/.test(id)) id = id === '' ? fallback : `${fallback}-${id}`;
  return id;
}

/** Hands out ids unique within one scope (a squad's rotations, the organisation's people…). */
export class IdScope {
  private readonly taken = new Set<string>();

  constructor(private readonly fallback = 'item') {}

  /** The slug of `name`, or `<slug>-2`, `-3`… when already taken in this scope. */
  take(name: string): string {
    const base = slug(name, this.fallback);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }

  /** Reserves an id chosen elsewhere (so `take` avoids it). */
  reserve(id: string): void {
    this.taken.add(id);
  }
}

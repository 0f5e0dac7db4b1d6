/**
 * A WHERE clause built from optional conditions, with placeholders in the
 * backend's style: `?` (SQLite) or `$1, $2 …` (PostgreSQL). Only column
 * names written here ever reach the SQL text; values always go as parameters.
 */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  private readonly style: '?' | '$';

  constructor(style: '?' | '$') {
    this.style = style;
  }

  /** The next placeholder for `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return this.style === '?' ? '?' : `$${this.params.length}`;
  }

  /** Adds `condition(placeholders…)` for the values. */
  add(condition: (...placeholders: string[]) => string, ...values: unknown[]): this {
    this.parts.push(condition(...values.map((value) => this.param(value))));
    return this;
  }

  get clause(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

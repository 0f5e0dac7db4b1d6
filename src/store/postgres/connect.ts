import postgres from 'postgres';

export type Pool = postgres.Sql;
/** What queries run on: the pool or an open transaction. */
export type Sql = postgres.ISql;

/**
 * A connection pool for the store. Times are int8 milliseconds, which fit a
 * JavaScript number exactly, so int8 is read as a number (counts too).
 * Notices are dropped: they carry nothing the store acts on.
 */
export function connectPostgres(url: string, poolSize: number): Pool {
  return postgres(url, {
    max: poolSize,
    onnotice: () => undefined,
    connection: { application_name: 'tips-store' },
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  });
}

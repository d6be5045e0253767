/** What toAliasDto needs beside the alias row: the number of the version it points to. */
export const ALIAS_INCLUDE = { version: { select: { version: true } } } as const;

/** An alias as every entry point shows it. */
export type TAliasDto = { name: string; version: number; protected: boolean; createdAt: string; updatedAt: string };

export function toAliasDto(a: {
  name: string;
  protected: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: { version: number };
}): TAliasDto {
  return {
    name: a.name,
    version: a.version.version,
    protected: a.protected,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

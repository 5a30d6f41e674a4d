import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Drift test (docs/decisions/0002-hand-written-migrations.md): the hand-written migrations, applied to an empty database,
 * produce exactly what prisma/schema.prisma declares — every model, field (type, nullability,
 * default), enum value, unique constraint, index and foreign key; and nothing undeclared.
 * Prisma's own schema parser (the DMMF) reads the schema, so this test does not parse it itself.
 */

interface DmmfField {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType: [string, string[]] | null;
  default?: unknown;
  dbName?: string | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] };
}

const dmmf: Dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })),
);

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  /** "ALWAYS" for a stored generated column (declared `@default(dbgenerated())`), else "NEVER". */
  is_generated: string;
  character_maximum_length: number | null;
  datetime_precision: number | null;
}

function expectedUdt(field: DmmfField): { udt: string; length?: number; precision?: number } {
  const base = (() => {
    if (field.kind === "enum") return { udt: field.type };
    const native = field.nativeType?.[0];
    const args = field.nativeType?.[1] ?? [];
    switch (field.type) {
      case "String":
        if (native === "Uuid") return { udt: "uuid" };
        if (native === "VarChar") return { udt: "varchar", length: Number(args[0]) };
        return { udt: "text" };
      case "Int":
        return { udt: "int4" };
      case "BigInt":
        return { udt: "int8" };
      case "Boolean":
        return { udt: "bool" };
      case "Json":
        return { udt: "jsonb" };
      case "Bytes":
        return { udt: "bytea" };
      case "DateTime":
        if (native === "Date") return { udt: "date" };
        if (native === "Timestamptz") return { udt: "timestamptz", precision: Number(args[0] ?? 6) };
        return { udt: "timestamp", precision: 3 };
      default:
        throw new Error(`drift test does not know Prisma type ${field.type}`);
    }
  })();
  return field.isList ? { ...base, udt: `_${base.udt}` } : base;
}

function tableOf(model: DmmfModel) {
  return model.dbName ?? model.name;
}
function columnOf(model: DmmfModel, fieldName: string) {
  const field = model.fields.find((f) => f.name === fieldName);
  return field?.dbName ?? fieldName;
}

describe("schema.prisma and the migrations agree (no drift)", () => {
  let db: TestDatabase;
  let columns: ColumnRow[];
  beforeAll(async () => {
    db = await createTestDatabase();
    columns = await db.prisma.$queryRaw<ColumnRow[]>`
      SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type,
             udt_name::text AS udt_name, is_nullable::text AS is_nullable, column_default::text AS column_default, is_generated::text AS is_generated,
             character_maximum_length::int AS character_maximum_length, datetime_precision::int AS datetime_precision
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
  });
  afterAll(() => db.close());

  const models = dmmf.datamodel.models;

  it("has exactly one table per model", async () => {
    const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
    expect(tables.map((t) => t.table_name).sort()).toEqual(models.map(tableOf).sort());
  });

  for (const model of models) {
    it(`${model.name}: every field exists with its declared type, nullability and default — and no other column`, () => {
      const actual = columns.filter((c) => c.table_name === tableOf(model));
      const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
      expect(actual.map((c) => c.column_name).sort()).toEqual(scalarFields.map((f) => f.dbName ?? f.name).sort());
      for (const field of scalarFields) {
        const column = actual.find((c) => c.column_name === (field.dbName ?? field.name))!;
        const where = `${model.name}.${field.name}`;
        const expected = expectedUdt(field);
        expect(column.udt_name, `${where} type`).toBe(expected.udt);
        if (expected.length !== undefined) expect(column.character_maximum_length, `${where} length`).toBe(expected.length);
        if (expected.precision !== undefined) expect(column.datetime_precision, `${where} precision`).toBe(expected.precision);
        // Prisma creates scalar lists without NOT NULL; everything else follows `?`.
        if (!field.isList) expect(column.is_nullable, `${where} nullability`).toBe(field.isRequired ? "NO" : "YES");

        const def = field.default as { name?: string } | string | number | boolean | undefined;
        const generatedByClient = typeof def === "object" && def !== null && (def.name === "uuid" || def.name === "cuid");
        if (typeof def === "object" && def !== null && def.name === "dbgenerated") {
          // Computed by the database from other columns (GENERATED ALWAYS AS … STORED), never written.
          expect(column.is_generated, `${where} is a generated column`).toBe("ALWAYS");
        } else if (!field.hasDefaultValue || generatedByClient) {
          expect(column.column_default, `${where} has no database default`).toBeNull();
        } else if (typeof def === "object" && def?.name === "autoincrement") {
          expect(column.column_default, `${where} default`).toMatch(/^nextval\(/);
        } else if (typeof def === "object" && def?.name === "now") {
          expect(column.column_default, `${where} default`).toBe("CURRENT_TIMESTAMP");
        } else if (typeof def === "string" && field.kind === "enum") {
          expect(column.column_default, `${where} default`).toBe(`'${def}'::"${field.type}"`);
        } else if (typeof def === "string") {
          expect(column.column_default, `${where} default`).toMatch(new RegExp(`^'${def}'::`));
        } else {
          expect(column.column_default, `${where} default`).toBe(String(def));
        }
      }
    });
  }

  it("every enum exists with exactly its declared values, in order", async () => {
    const rows = await db.prisma.$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("every primary key, unique constraint and index exists on exactly its columns — and no other", async () => {
    const rows = await db.prisma.$queryRaw<{ table_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }[]>`
      SELECT t.relname::text AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ordinality) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`;
    const describeIndex = (table: string, kind: string, cols: string[]) => `${table} ${kind} (${cols.join(", ")})`;
    const actual = rows
      .map((r) => describeIndex(r.table_name, r.is_primary ? "id" : r.is_unique ? "unique" : "normal", r.columns))
      .sort();
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = models.find((m) => m.name === index.model)!;
        return describeIndex(tableOf(model), index.type, index.fields.map((f) => columnOf(model, f.name)));
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("every relation has its foreign key with the declared referential action", async () => {
    const rows = await db.prisma.$queryRaw<{ table_name: string; columns: string[]; referenced: string; on_delete: string }[]>`
      SELECT c.conrelid::regclass::text AS table_name,
             array_agg(a.attname::text ORDER BY k.ordinality) AS columns,
             c.confrelid::regclass::text AS referenced,
             c.confdeltype::text AS on_delete
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f'
      GROUP BY c.oid, c.conrelid, c.confrelid, c.confdeltype`;
    const actions: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
    const unquote = (name: string) => name.replace(/^"|"$/g, "");
    const actual = rows.map((r) => `${unquote(r.table_name)}(${r.columns.join(",")}) -> ${unquote(r.referenced)} ON DELETE ${actions[r.on_delete]}`).sort();
    const expected = models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const target = models.find((m) => m.name === f.type)!;
            const required = f.relationFromFields!.every((name) => model.fields.find((x) => x.name === name)?.isRequired);
            const onDelete = f.relationOnDelete ?? (required ? "Restrict" : "SetNull");
            return `${tableOf(model)}(${f.relationFromFields!.map((n) => columnOf(model, n)).join(",")}) -> ${tableOf(target)} ON DELETE ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});

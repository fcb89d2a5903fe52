//! The two migration trees must describe the same schema: same tables, columns, types,
//! nullability and indexes.

use std::collections::BTreeSet;

use netral_store::{Db, sql};

use netral_testkit::TestDb;

type Columns = BTreeSet<(String, String, String, bool)>;

async fn sqlite_schema(db: &Db) -> (Columns, BTreeSet<String>) {
    let tables = sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'").fetch_all(db).await.unwrap();
    let mut columns = Columns::new();
    for table in tables {
        let table: String = table.get("name").unwrap();
        let rows = sql("SELECT name, type, \"notnull\" AS not_null, pk FROM pragma_table_info($1)")
            .bind(&table)
            .fetch_all(db)
            .await
            .unwrap();
        for row in rows {
            let not_null: i64 = row.get("not_null").unwrap();
            let pk: i64 = row.get("pk").unwrap();
            columns.insert((
                table.clone(),
                row.get("name").unwrap(),
                row.get::<String>("type").unwrap().to_uppercase(),
                not_null == 1 || pk == 1,
            ));
        }
    }
    let indexes = sql("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .fetch_all(db)
        .await
        .unwrap();
    (
        columns,
        indexes.iter().map(|r| r.get("name").unwrap()).collect(),
    )
}

async fn postgres_schema(db: &Db) -> (Columns, BTreeSet<String>) {
    let rows = sql(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type, is_nullable::text AS is_nullable \
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(db)
    .await
    .unwrap();
    let mut columns = Columns::new();
    for row in rows {
        let data_type: String = row.get("data_type").unwrap();
        let family = match data_type.as_str() {
            "bigint" => "INTEGER",
            "text" => "TEXT",
            "boolean" => "BOOLEAN",
            "date" => "DATE",
            "timestamp with time zone" => "TIMESTAMPTZ",
            "jsonb" => "JSONB",
            "bytea" => "BLOB",
            "double precision" => "DOUBLE PRECISION",
            other => panic!("no SQLite counterpart decided for PostgreSQL type {other}"),
        };
        let nullable: String = row.get("is_nullable").unwrap();
        columns.insert((
            row.get("table_name").unwrap(),
            row.get("column_name").unwrap(),
            family.to_owned(),
            nullable == "NO",
        ));
    }
    let indexes = sql(
        "SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = 'public' \
         AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' AND tablename NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(db)
    .await
    .unwrap();
    (
        columns,
        indexes.iter().map(|r| r.get("name").unwrap()).collect(),
    )
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let (lite, pg) = (TestDb::sqlite().await, TestDb::postgres().await);
    let (lite_columns, lite_indexes) = sqlite_schema(&lite.db).await;
    let (pg_columns, pg_indexes) = postgres_schema(&pg.db).await;
    assert!(
        lite_columns.len() > 50,
        "the schema was read: {lite_columns:?}"
    );
    let only_sqlite: Vec<_> = lite_columns.difference(&pg_columns).collect();
    let only_postgres: Vec<_> = pg_columns.difference(&lite_columns).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
    assert_eq!(lite_indexes, pg_indexes);
    lite.finish().await;
    pg.finish().await;
}

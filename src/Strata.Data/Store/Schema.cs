namespace Strata.Data.Store;

/// <summary>
/// The store's schema, as an ordered list of migrations. A store records the last migration applied; opening
/// it applies the rest in order, each in its own transaction. Add a migration; never edit an applied one.
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Migrations =
    [
        (1, "events, their sources and disputes, and the data sets they came from", """
            CREATE TABLE datasets (
                name          VARCHAR PRIMARY KEY,
                kind          VARCHAR NOT NULL,
                path          VARCHAR NOT NULL,
                content_hash  VARCHAR NOT NULL,
                event_count   BIGINT  NOT NULL,
                loaded_at     TIMESTAMP NOT NULL
            );
            CREATE TABLE events (
                id              VARCHAR NOT NULL,
                dataset         VARCHAR NOT NULL,
                date_start      DATE    NOT NULL,
                date_end        DATE    NOT NULL,
                date_precision  VARCHAR NOT NULL,
                date_text       VARCHAR NOT NULL,
                source          VARCHAR NOT NULL,
                target          VARCHAR NOT NULL,
                witnesses       VARCHAR[],
                cameo           VARCHAR NOT NULL,
                root            VARCHAR NOT NULL,
                quad_class      TINYINT NOT NULL,
                goldstein       DOUBLE  NOT NULL,
                magnitude       DOUBLE,
                magnitude_unit  VARCHAR,
                level           VARCHAR NOT NULL,
                confidence      VARCHAR NOT NULL,
                description     VARCHAR NOT NULL,
                tags            VARCHAR[],
                origin_file     VARCHAR NOT NULL,
                origin_line     BIGINT  NOT NULL
            );
            CREATE TABLE event_sources (
                event_id    VARCHAR NOT NULL,
                dataset     VARCHAR NOT NULL,
                ordinal     INTEGER NOT NULL,
                author      VARCHAR,
                title       VARCHAR NOT NULL,
                publisher   VARCHAR,
                date_text   VARCHAR,
                url         VARCHAR,
                archive_id  VARCHAR,
                page        VARCHAR
            );
            CREATE TABLE event_disputes (
                event_id  VARCHAR NOT NULL,
                dataset   VARCHAR NOT NULL,
                ordinal   INTEGER NOT NULL,
                field     VARCHAR NOT NULL,
                note      VARCHAR NOT NULL
            );
            """),
        (2, "imported event data, the files it came from, and yearly indicators", """
            CREATE TABLE import_files (
                id              INTEGER PRIMARY KEY,
                dataset         VARCHAR NOT NULL,
                format          VARCHAR NOT NULL,
                path            VARCHAR NOT NULL,
                size            BIGINT  NOT NULL,
                fingerprint     VARCHAR NOT NULL,
                filter          VARCHAR NOT NULL,
                rows_read       BIGINT  NOT NULL,
                imported        BIGINT  NOT NULL,
                filtered        BIGINT  NOT NULL,
                duplicates      BIGINT  NOT NULL,
                quarantined     BIGINT  NOT NULL,
                quarantine_path VARCHAR,
                seconds         DOUBLE  NOT NULL,
                completed_at    TIMESTAMP NOT NULL
            );
            CREATE TABLE imported_events (
                dataset     VARCHAR  NOT NULL,
                file_id     INTEGER  NOT NULL,
                line        BIGINT   NOT NULL,
                source_id   VARCHAR,
                event_date  DATE     NOT NULL,
                source      VARCHAR,
                target      VARCHAR,
                cameo       VARCHAR  NOT NULL,
                root        TINYINT  NOT NULL,
                quad_class  TINYINT  NOT NULL,
                goldstein   DOUBLE   NOT NULL,
                mentions    INTEGER,
                sources     INTEGER,
                articles    INTEGER,
                tone        DOUBLE,
                row_hash    UBIGINT  NOT NULL
            );
            CREATE TABLE indicators (
                dataset   VARCHAR NOT NULL,
                file_id   INTEGER NOT NULL,
                line      BIGINT  NOT NULL,
                name      VARCHAR NOT NULL,
                actor_a   VARCHAR NOT NULL,
                actor_b   VARCHAR,
                year      INTEGER NOT NULL,
                value     DOUBLE  NOT NULL,
                note      VARCHAR
            );
            """),
        (3, "GDELT 2.0 mentions: which article mentioned which event, when, and with what confidence and tone", """
            CREATE TABLE event_mentions (
                dataset          VARCHAR   NOT NULL,
                file_id          INTEGER   NOT NULL,
                line             BIGINT    NOT NULL,
                global_event_id  BIGINT    NOT NULL,
                event_time       TIMESTAMP,
                mention_time     TIMESTAMP NOT NULL,
                mention_type     TINYINT,
                source_name      VARCHAR,
                identifier       VARCHAR,
                sentence_id      INTEGER,
                in_raw_text      BOOLEAN,
                confidence       TINYINT,
                doc_length       INTEGER,
                doc_tone         DOUBLE,
                translation      VARCHAR,
                row_hash         UBIGINT   NOT NULL
            );
            """),
        (4, "the source's own event code of an imported event (POLECAT's PLOVER type), beside its CAMEO code", """
            ALTER TABLE imported_events ADD COLUMN native_code VARCHAR;
            """),
        (5, "the structural indicator panel last built (strata indicators build), with each value's origin and source", """
            CREATE TABLE panel (
                name      VARCHAR NOT NULL,
                actor_a   VARCHAR NOT NULL,
                actor_b   VARCHAR,
                year      INTEGER NOT NULL,
                value     DOUBLE  NOT NULL,
                origin    VARCHAR NOT NULL,
                source    VARCHAR NOT NULL
            );
            CREATE TABLE panel_builds (
                built_at       TIMESTAMP NOT NULL,
                actors         VARCHAR   NOT NULL,
                year_from      INTEGER   NOT NULL,
                year_to        INTEGER   NOT NULL,
                value_count    BIGINT    NOT NULL,
                disagreements  BIGINT    NOT NULL
            );
            """),
        (6, "imported events with each text column's compression fixed, so that a bulk import does not try every method on every row group", """
            CREATE TABLE imported_events_v6 (
                dataset     VARCHAR  NOT NULL USING COMPRESSION dictionary,
                file_id     INTEGER  NOT NULL,
                line        BIGINT   NOT NULL,
                source_id   VARCHAR           USING COMPRESSION fsst,
                event_date  DATE     NOT NULL,
                source      VARCHAR           USING COMPRESSION dictionary,
                target      VARCHAR           USING COMPRESSION dictionary,
                cameo       VARCHAR  NOT NULL USING COMPRESSION dictionary,
                root        TINYINT  NOT NULL,
                quad_class  TINYINT  NOT NULL,
                goldstein   DOUBLE   NOT NULL,
                mentions    INTEGER,
                sources     INTEGER,
                articles    INTEGER,
                tone        DOUBLE,
                row_hash    UBIGINT  NOT NULL USING COMPRESSION uncompressed,
                native_code VARCHAR           USING COMPRESSION dictionary
            );
            INSERT INTO imported_events_v6 SELECT * FROM imported_events;
            DROP TABLE imported_events;
            ALTER TABLE imported_events_v6 RENAME TO imported_events;
            """),
    ];

    public static int Latest => Migrations[^1].Version;
}

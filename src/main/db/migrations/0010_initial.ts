import type { Migration } from './types';

// The whole model of PRODUCT.md. Instants are ISO-8601 UTC text, dates 'YYYY-MM-DD',
// booleans 0/1. The on-call schedule itself is never stored: only the rotation and its
// overrides (and published snapshots of what was shared).
export const migration0010: Migration = {
  version: 10,
  name: 'initial model',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL -- JSON
      );

      CREATE TABLE engineers (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        email     TEXT,
        color     TEXT NOT NULL,
        active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        time_zone TEXT NOT NULL
      );

      CREATE TABLE unavailability (
        id          INTEGER PRIMARY KEY,
        engineer_id INTEGER NOT NULL REFERENCES engineers(id) ON DELETE CASCADE,
        start_date  TEXT NOT NULL,
        end_date    TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT '',
        CHECK (end_date >= start_date)
      );
      CREATE INDEX unavailability_engineer ON unavailability(engineer_id, start_date);

      CREATE TABLE business_areas (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE pipelines (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        area_id        INTEGER REFERENCES business_areas(id) ON DELETE SET NULL,
        audience       TEXT NOT NULL CHECK (audience IN ('investors', 'experiments', 'internal')),
        purpose        TEXT NOT NULL DEFAULT '',
        input_sources  TEXT NOT NULL DEFAULT '',
        transformation TEXT NOT NULL DEFAULT '',
        outputs        TEXT NOT NULL DEFAULT '',
        retired_at     TEXT
      );

      CREATE TABLE ownerships (
        pipeline_id           INTEGER PRIMARY KEY REFERENCES pipelines(id) ON DELETE CASCADE,
        primary_engineer_id   INTEGER REFERENCES engineers(id) ON DELETE RESTRICT,
        secondary_engineer_id INTEGER REFERENCES engineers(id) ON DELETE RESTRICT,
        reason                TEXT NOT NULL DEFAULT '',
        updated_at            TEXT NOT NULL,
        CHECK (primary_engineer_id IS NULL OR secondary_engineer_id IS NULL
               OR primary_engineer_id <> secondary_engineer_id)
      );

      CREATE TABLE ownership_changes (
        id                    INTEGER PRIMARY KEY,
        pipeline_id           INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
        changed_at            TEXT NOT NULL,
        primary_engineer_id   INTEGER REFERENCES engineers(id) ON DELETE SET NULL,
        secondary_engineer_id INTEGER REFERENCES engineers(id) ON DELETE SET NULL,
        reason                TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX ownership_changes_pipeline ON ownership_changes(pipeline_id, changed_at);

      CREATE TABLE ownership_reviews (
        id          INTEGER PRIMARY KEY,
        quarter     TEXT NOT NULL,
        reviewed_on TEXT NOT NULL,
        checklist   TEXT NOT NULL DEFAULT '{}', -- JSON: item -> done
        decisions   TEXT NOT NULL DEFAULT '',
        notes       TEXT NOT NULL DEFAULT ''
      );

      CREATE TABLE rotations (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        time_zone    TEXT NOT NULL,
        start_date   TEXT NOT NULL,
        shift_days   INTEGER NOT NULL DEFAULT 7 CHECK (shift_days BETWEEN 1 AND 366),
        handoff_time TEXT NOT NULL DEFAULT '09:00'
      );

      CREATE TABLE rotation_members (
        rotation_id INTEGER NOT NULL REFERENCES rotations(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        engineer_id INTEGER NOT NULL REFERENCES engineers(id) ON DELETE RESTRICT,
        PRIMARY KEY (rotation_id, position),
        UNIQUE (rotation_id, engineer_id)
      );

      CREATE TABLE overrides (
        id          INTEGER PRIMARY KEY,
        rotation_id INTEGER NOT NULL REFERENCES rotations(id) ON DELETE CASCADE,
        starts_at   TEXT NOT NULL,
        ends_at     TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
        engineer_id INTEGER NOT NULL REFERENCES engineers(id) ON DELETE RESTRICT,
        kind        TEXT NOT NULL CHECK (kind IN ('swap', 'split', 'holiday', 'pto', 'manual')),
        reason      TEXT NOT NULL DEFAULT '',
        twin_id     INTEGER REFERENCES overrides(id) ON DELETE SET NULL,
        created_at  TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX overrides_rotation_range ON overrides(rotation_id, starts_at, ends_at);

      CREATE TABLE holiday_calendars (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        country        TEXT NOT NULL,
        region         TEXT,
        include_types  TEXT NOT NULL DEFAULT '["public"]', -- JSON array
        default_weight REAL NOT NULL DEFAULT 2 CHECK (default_weight >= 0)
      );

      CREATE TABLE holiday_weights (
        calendar_id INTEGER NOT NULL REFERENCES holiday_calendars(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        weight      REAL NOT NULL CHECK (weight >= 0),
        include     INTEGER NOT NULL DEFAULT 1 CHECK (include IN (0, 1)),
        PRIMARY KEY (calendar_id, name)
      );

      CREATE TABLE custom_holidays (
        id          INTEGER PRIMARY KEY,
        calendar_id INTEGER NOT NULL REFERENCES holiday_calendars(id) ON DELETE CASCADE,
        date        TEXT NOT NULL,
        name        TEXT NOT NULL,
        weight      REAL NOT NULL CHECK (weight >= 0),
        UNIQUE (calendar_id, date, name)
      );

      CREATE TABLE slas (
        id            INTEGER PRIMARY KEY,
        pipeline_id   INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('daily', 'weekly', 'next_business_day', 'within_hours')),
        time_of_day   TEXT,
        weekday       INTEGER CHECK (weekday BETWEEN 0 AND 6),
        hours         REAL CHECK (hours > 0),
        event         TEXT,
        time_zone     TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        why_it_matters TEXT NOT NULL DEFAULT '',
        CHECK ((kind = 'daily' AND time_of_day IS NOT NULL)
            OR (kind = 'weekly' AND time_of_day IS NOT NULL AND weekday IS NOT NULL)
            OR (kind = 'next_business_day' AND time_of_day IS NOT NULL)
            OR (kind = 'within_hours' AND hours IS NOT NULL AND event IS NOT NULL))
      );

      CREATE TABLE runbooks (
        id               INTEGER PRIMARY KEY,
        pipeline_id      INTEGER NOT NULL UNIQUE REFERENCES pipelines(id) ON DELETE CASCADE,
        purpose          TEXT NOT NULL DEFAULT '',
        inputs           TEXT NOT NULL DEFAULT '',
        transformation   TEXT NOT NULL DEFAULT '',
        outputs          TEXT NOT NULL DEFAULT '',
        sla_text         TEXT NOT NULL DEFAULT '',
        dashboards       TEXT NOT NULL DEFAULT '[]', -- JSON [{label, url}]
        alert_thresholds TEXT NOT NULL DEFAULT '',
        mitigations      TEXT NOT NULL DEFAULT '[]', -- JSON [text]
        updated_at       TEXT NOT NULL,
        revision         INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE runbook_scenarios (
        id         INTEGER PRIMARY KEY,
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        title      TEXT NOT NULL,
        symptoms   TEXT NOT NULL DEFAULT '',
        checks     TEXT NOT NULL DEFAULT '',
        UNIQUE (runbook_id, position)
      );

      CREATE TABLE runbook_steps (
        id          INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES runbook_scenarios(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        text        TEXT NOT NULL,
        UNIQUE (scenario_id, position)
      );

      CREATE TABLE escalation_levels (
        id             INTEGER PRIMARY KEY,
        runbook_id     INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        role           TEXT NOT NULL CHECK (role IN ('oncall_primary', 'oncall_secondary', 'pipeline_primary',
                                                     'pipeline_secondary', 'team_lead', 'contact')),
        contact_name   TEXT NOT NULL DEFAULT '',
        contact_detail TEXT NOT NULL DEFAULT '',
        after_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (after_minutes >= 0),
        UNIQUE (runbook_id, position)
      );

      CREATE TABLE drills (
        id              INTEGER PRIMARY KEY,
        pipeline_id     INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
        scenario_id     INTEGER REFERENCES runbook_scenarios(id) ON DELETE SET NULL,
        scenario_title  TEXT NOT NULL DEFAULT '', -- kept so the record survives edits of the runbook
        scheduled_at    TEXT NOT NULL,
        facilitator_id  INTEGER REFERENCES engineers(id) ON DELETE SET NULL,
        status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'finished', 'cancelled')),
        started_at      TEXT,
        acknowledged_at TEXT,
        mitigated_at    TEXT,
        resolved_at     TEXT,
        finished_at     TEXT,
        outcome         TEXT CHECK (outcome IN ('passed', 'passed_with_findings', 'failed')),
        findings        TEXT NOT NULL DEFAULT ''
      );

      CREATE TABLE drill_participants (
        drill_id    INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        engineer_id INTEGER NOT NULL REFERENCES engineers(id) ON DELETE CASCADE,
        PRIMARY KEY (drill_id, engineer_id)
      );

      CREATE TABLE drill_steps (
        drill_id  INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        text      TEXT NOT NULL,
        ticked_at TEXT,
        skipped   INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        PRIMARY KEY (drill_id, position)
      );

      CREATE TABLE drill_notes (
        id       INTEGER PRIMARY KEY,
        drill_id INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        at       TEXT NOT NULL,
        text     TEXT NOT NULL
      );

      CREATE TABLE drill_followups (
        id       INTEGER PRIMARY KEY,
        drill_id INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        text     TEXT NOT NULL,
        owner_id INTEGER REFERENCES engineers(id) ON DELETE SET NULL,
        due_date TEXT,
        status   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'))
      );

      CREATE TABLE runbook_revisions (
        id         INTEGER PRIMARY KEY,
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        revision   INTEGER NOT NULL,
        saved_at   TEXT NOT NULL,
        content    TEXT NOT NULL, -- JSON of the runbook as saved
        note       TEXT NOT NULL DEFAULT '',
        drill_id   INTEGER REFERENCES drills(id) ON DELETE SET NULL,
        UNIQUE (runbook_id, revision)
      );

      CREATE TABLE risks (
        id          INTEGER PRIMARY KEY,
        category    TEXT NOT NULL CHECK (category IN ('data', 'pipeline', 'business_logic')),
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        likelihood  INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact      INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
        mitigation  TEXT NOT NULL DEFAULT '',
        owner_id    INTEGER REFERENCES engineers(id) ON DELETE SET NULL,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigating', 'mitigated', 'accepted', 'closed')),
        review_date TEXT
      );

      CREATE TABLE risk_pipelines (
        risk_id     INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
        pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
        PRIMARY KEY (risk_id, pipeline_id)
      );

      CREATE TABLE schedule_snapshots (
        id           INTEGER PRIMARY KEY,
        rotation_id  INTEGER NOT NULL REFERENCES rotations(id) ON DELETE CASCADE,
        range_start  TEXT NOT NULL,
        range_end    TEXT NOT NULL,
        published_at TEXT NOT NULL,
        segments     TEXT NOT NULL, -- JSON Segment[] as published
        note         TEXT NOT NULL DEFAULT ''
      );
    `);
  },
};

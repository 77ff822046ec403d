-- The retention flags as of one date D ($as_of), as ONE set-based query over the DuckDB peer's copy
-- (DuckDbPeer.cs): the rules of docs/definitions.md as Retention/PatientEvaluator*.cs and
-- Retention/FlagWriter.cs apply them, one CTE per rule. The bench checks its result equal to the
-- engine's, field by field, texts included. Every date is a day number (.NET's DateOnly.DayNumber),
-- so "days from A to B" is B - A. The $-parameters are the Retention settings.
WITH
-- Appointments the rules read: cancelled and no-show ones count for nothing, and a booking left
-- before D (a stale booking: nobody recorded what happened) neither. What is left is either a visit
-- (completed, before D) or something on the calendar from D on (booked or completed, D or later).
live AS (
    SELECT seq, patient_id, provider_id, episode_id, day,
           service = 'maintenance_massage' AS is_maintenance,
           day < $as_of AS is_visit
    FROM appointments
    WHERE status IN ('booked', 'completed')
      AND NOT (status = 'booked' AND day < $as_of)
),

-- Anything on the calendar from D on: an acute one keeps the patient in acute care, a maintenance one
-- means maintenance is booked. Either way the patient gets no flag.
booked_ahead AS (
    SELECT DISTINCT patient_id FROM live WHERE NOT is_visit
),

-- Completed maintenance visits before D (the lapse rule, and the visits invested), and the last one.
maintenance_visits AS (
    SELECT patient_id, day FROM live WHERE is_visit AND is_maintenance
),
last_maintenance AS (
    SELECT patient_id, max(day) AS last_maintenance FROM maintenance_visits GROUP BY patient_id
),

-- Each acute visit's recorded episode: the one its episode_id names when that is one of the patient's;
-- else the latest-started episode whose period (started_on .. discharged_on, open when not discharged)
-- covers the date, equal starts: the greater id; else none (the visit is uncovered). Each step is an
-- equi-join on the patient (a join on the OR of both would compare every visit with every episode),
-- and only the visits no id links look for a covering episode: the latest start, then the greatest
-- id, as the greatest text "start (7 digits) || id".
acute_past AS (
    SELECT v.seq, v.patient_id, v.provider_id, v.day, e.episode_id AS linked_episode
    FROM live v
    LEFT JOIN episodes e ON e.patient_id = v.patient_id AND e.episode_id = v.episode_id
    WHERE v.is_visit AND NOT v.is_maintenance
),
covering_episode AS (
    SELECT v.seq, substr(max(lpad(CAST(e.started_on AS VARCHAR), 7, '0') || e.episode_id), 8) AS episode_id
    FROM acute_past v
    JOIN episodes e ON e.patient_id = v.patient_id
    WHERE v.linked_episode IS NULL
      AND e.started_on <= v.day AND (e.discharged_on IS NULL OR e.discharged_on >= v.day)
    GROUP BY v.seq
),
acute_visits AS (
    SELECT v.seq, v.patient_id, v.provider_id, v.day, coalesce(v.linked_episode, c.episode_id) AS recorded_episode
    FROM acute_past v
    LEFT JOIN covering_episode c ON c.seq = v.seq
),

-- A recorded episode's progress: its visits, the last one, and the provider of the last one.
recorded_progress AS (
    SELECT recorded_episode AS episode_id, count(*) AS visits, max(day) AS last_visit,
           arg_max_null(provider_id, seq) AS last_provider
    FROM acute_visits
    WHERE recorded_episode IS NOT NULL
    GROUP BY recorded_episode
),

-- Implicit episodes: uncovered visits, split where consecutive ones are ImplicitDischargeDays or more apart.
implicit_runs AS (
    SELECT seq, patient_id, provider_id, day,
           sum(starts_run) OVER (PARTITION BY patient_id ORDER BY seq) AS run
    FROM (
        SELECT *, CASE WHEN day - lag(day) OVER (PARTITION BY patient_id ORDER BY seq) < $implicit_discharge_days
                       THEN 0 ELSE 1 END AS starts_run
        FROM acute_visits
        WHERE recorded_episode IS NULL
    )
),
implicit_episodes AS (
    SELECT patient_id, min(day) AS started_on, max(day) AS last_visit, count(*) AS visits,
           arg_max_null(provider_id, seq) AS last_provider
    FROM implicit_runs
    GROUP BY patient_id, run
),

-- Every episode as of D with its acute end E (NULL while active).
-- Recorded: discharged before D ends it at the discharge, with the discharge reason's end type (blank
-- or unknown: other); else ImplicitDischargeDays without a visit (counted from its last visit, or its
-- start when it has none) ends it at that day, self-discharged. Implicit: likewise, unrecorded.
episodes_as_of AS (
    SELECT e.patient_id, e.episode_id, false AS is_implicit, e.started_on,
           CASE WHEN e.discharged_on < $as_of THEN e.discharged_on
                WHEN $as_of - coalesce(p.last_visit, e.started_on) >= $implicit_discharge_days
                THEN coalesce(p.last_visit, e.started_on) END AS acute_end,
           CASE WHEN e.discharged_on < $as_of
                THEN CASE WHEN e.discharge_reason IN ('goals_met', 'self_discharged', 'referred_out', 'other')
                          THEN e.discharge_reason ELSE 'other' END
                ELSE 'self_discharged' END AS end_type,
           coalesce(e.discharged_on < $as_of, false) AS ended_by_discharge,
           coalesce(p.visits, 0) AS visits, p.last_provider, e.maintenance_interval_days
    FROM episodes e
    LEFT JOIN recorded_progress p ON p.episode_id = e.episode_id
    UNION ALL
    SELECT patient_id, NULL, true, started_on,
           CASE WHEN $as_of - last_visit >= $implicit_discharge_days THEN last_visit END,
           'unrecorded', false, visits, last_provider, NULL
    FROM implicit_episodes
),

-- Per patient: in acute care while any episode is active; how many ended (re-injured: two or more).
acute_state AS (
    SELECT patient_id, bool_or(acute_end IS NULL) AS in_acute_care, count(acute_end) AS ended_episodes
    FROM episodes_as_of
    GROUP BY patient_id
),

-- The episode that ended last (its E). Ties: the latest started, a recorded one before an implicit
-- one, then the greater episode id.
ended_last AS (
    SELECT *
    FROM episodes_as_of
    WHERE acute_end IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY patient_id ORDER BY acute_end DESC, started_on DESC, is_implicit ASC, episode_id DESC) = 1
),

-- Who may be flagged at all: may be contacted (not do-not-contact, not deceased, some channel
-- allowed), not in acute care, nothing booked from D on. With E, the last maintenance visit and the
-- maintenance interval the lapse rule uses (the ended episode's, else DefaultMaintenanceIntervalDays).
candidates AS (
    SELECT pt.patient_id, pt.clinic_id, coalesce(s.ended_episodes, 0) AS ended_episodes,
           el.acute_end, el.end_type, el.ended_by_discharge, el.is_implicit, el.visits AS episode_visits,
           el.last_provider AS discharging_provider_id,
           coalesce(el.maintenance_interval_days, $default_maintenance_interval_days) AS interval_days,
           lm.last_maintenance
    FROM patients pt
    LEFT JOIN acute_state s ON s.patient_id = pt.patient_id
    LEFT JOIN ended_last el ON el.patient_id = pt.patient_id
    LEFT JOIN last_maintenance lm ON lm.patient_id = pt.patient_id
    WHERE NOT pt.do_not_contact AND pt.deceased_on IS NULL AND (pt.allow_phone OR pt.allow_sms OR pt.allow_email)
      AND NOT coalesce(s.in_acute_care, false)
      AND NOT EXISTS (SELECT 1 FROM booked_ahead b WHERE b.patient_id = pt.patient_id)
),

-- The flag. dropped_after_acute: E between GraceDays and LookbackDays days before D, no maintenance
-- visit on or after E. Else maintenance_lapsed: the last maintenance visit not before E, more than
-- interval × LapseFactor and at most LookbackDays days before D.
flagged AS (
    SELECT *,
           CASE WHEN kind = 'dropped_after_acute' THEN $grace_days
                ELSE CAST(floor(interval_days * $lapse_factor) AS INTEGER) + 1 END AS first_flagged_day
    FROM (
        SELECT *,
               CASE WHEN acute_end IS NOT NULL
                         AND $as_of - acute_end BETWEEN $grace_days AND $lookback_days
                         AND NOT coalesce(last_maintenance >= acute_end, false)
                    THEN 'dropped_after_acute'
                    WHEN last_maintenance IS NOT NULL
                         AND NOT coalesce(acute_end > last_maintenance, false)
                         AND $as_of - last_maintenance > interval_days * $lapse_factor
                         AND $as_of - last_maintenance <= $lookback_days
                    THEN 'maintenance_lapsed' END AS kind
        FROM candidates
    )
    WHERE kind IS NOT NULL
),

-- The priority's parts (docs/definitions.md; Share(w, part, whole) = (2·w·part + whole) div (2·whole)).
-- Recency: all points on the first day the flag can appear, none at the lookback limit. No planned
-- discharge: E self-discharged or unrecorded. Re-injured: two or more ended episodes. Visits invested:
-- the ended episode's visits plus the maintenance visits on or after E, up to PriorityVisitsForFullWeight.
maintenance_invested AS (
    SELECT f.patient_id, count(*) AS visits
    FROM flagged f
    JOIN maintenance_visits m ON m.patient_id = f.patient_id
    WHERE f.acute_end IS NULL OR m.day >= f.acute_end
    GROUP BY f.patient_id
),
points AS (
    SELECT f.*,
           CASE f.kind WHEN 'dropped_after_acute' THEN $as_of - f.acute_end ELSE $as_of - f.last_maintenance END AS days_since,
           $lookback_days - f.first_flagged_day AS span,
           CASE WHEN f.end_type IN ('self_discharged', 'unrecorded') THEN $priority_self_discharged_weight ELSE 0 END AS unplanned,
           CASE WHEN f.ended_episodes >= 2 THEN $priority_reinjury_weight ELSE 0 END AS reinjury,
           coalesce(f.episode_visits, 0) + coalesce(mi.visits, 0) AS invested_visits
    FROM flagged f
    LEFT JOIN maintenance_invested mi ON mi.patient_id = f.patient_id
),
scored AS (
    SELECT *,
           (2 * $priority_visits_weight * least(invested_visits, $priority_visits_for_full_weight) + $priority_visits_for_full_weight)
               // (2 * $priority_visits_for_full_weight) AS invested,
           CASE WHEN span <= 0 THEN $priority_recency_weight
                ELSE (2 * $priority_recency_weight * (span - least(greatest(days_since - first_flagged_day, 0), span)) + span)
                     // (2 * span) END AS recency
    FROM points
),

-- The texts, word for word as FlagWriter writes them: dates as "30 Sep" (with the year when it is not
-- D's), "1 visit" / "2 visits", the provider's name when the directory has one.
texts AS (
    SELECT s.*, least(100, recency + unplanned + reinjury + invested) AS priority,
           CASE WHEN year(DATE '0001-01-01' + s.acute_end) = year(DATE '0001-01-01' + $as_of)
                THEN strftime(DATE '0001-01-01' + s.acute_end, '%-d %b')
                ELSE strftime(DATE '0001-01-01' + s.acute_end, '%-d %b %Y') END AS end_day,
           CASE WHEN year(DATE '0001-01-01' + s.last_maintenance) = year(DATE '0001-01-01' + $as_of)
                THEN strftime(DATE '0001-01-01' + s.last_maintenance, '%-d %b')
                ELSE strftime(DATE '0001-01-01' + s.last_maintenance, '%-d %b %Y') END AS maintenance_day,
           CASE WHEN s.discharging_provider_id IS NULL THEN ''
                WHEN trim(pr.name) <> '' THEN ' with ' || pr.name
                ELSE ' with provider ' || s.discharging_provider_id END AS provider_part
    FROM scored s
    LEFT JOIN providers pr ON pr.provider_id = s.discharging_provider_id
)
SELECT patient_id, clinic_id, kind, acute_end, end_type, last_maintenance, days_since, priority,
       'recency ' || recency || '/' || $priority_recency_weight || ' (' || days_since || ' day' || CASE WHEN days_since = 1 THEN '' ELSE 's' END || ')'
       || ' + no planned discharge ' || unplanned || '/' || $priority_self_discharged_weight
       || ' + re-injured before ' || reinjury || '/' || $priority_reinjury_weight
       || ' (' || ended_episodes || ' episode' || CASE WHEN ended_episodes = 1 THEN '' ELSE 's' END || ')'
       || ' + visits invested ' || invested || '/' || $priority_visits_weight
       || ' (' || invested_visits || ' visit' || CASE WHEN invested_visits = 1 THEN '' ELSE 's' END || ')'
       || ' = ' || priority AS priority_explanation,
       CASE WHEN kind = 'dropped_after_acute' THEN
           CASE WHEN ended_by_discharge
                THEN 'Discharged ' || end_day || ' ('
                     || CASE end_type WHEN 'goals_met' THEN 'goals met' WHEN 'self_discharged' THEN 'self-discharged'
                                      WHEN 'referred_out' THEN 'referred out' ELSE 'other reason' END || ')'
                WHEN is_implicit THEN 'Last acute visit ' || end_day || ' (no episode recorded)'
                ELSE 'Last acute visit ' || end_day || ' (stopped coming, no discharge recorded)' END
           || ' after ' || episode_visits || ' visit' || CASE WHEN episode_visits = 1 THEN '' ELSE 's' END
           || provider_part || '; no maintenance booked'
       ELSE
           'Last maintenance ' || maintenance_day || ', ' || days_since || ' day' || CASE WHEN days_since = 1 THEN '' ELSE 's' END
           || ' ago (usual interval ' || interval_days || ' day' || CASE WHEN interval_days = 1 THEN '' ELSE 's' END || '); nothing booked'
       END AS reason,
       discharging_provider_id, coalesce(episode_visits, 0) AS episode_visits, interval_days
FROM texts
ORDER BY clinic_id, priority DESC, patient_id

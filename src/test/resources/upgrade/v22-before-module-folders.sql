-- A database as the code of 2502afd (the last commit before the migrations moved into
-- db/migration/<module>/, c7a956c) left it: V1..V22 applied by Flyway 12.4 from the flat
-- db/migration folder (V5 and V9 are the Java migrations loading regions and industries), then
-- a few rows entered: a province, county and chamber, an enterprise member, a complaint filed.
-- Region rows other than 13 / 1301 / 130102 were deleted before the dump to keep the file small.
-- Made with PostgreSQL 15 (pg_dump --inserts --no-owner --no-privileges --no-comments, the
-- psql-only \restrict lines removed); loaded by database.UpgradeFromBeforeModuleFoldersTest.

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE FUNCTION public.audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

CREATE FUNCTION public.dues_tally_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into dues_tally as t (org_id, org_path, year, due_on, bills, settled_bills, billed_fen, paid_fen, waived_fen)
    select org_id, org_path, year, due_on, count(*), count(*) filter (where paid_fen + waived_fen >= amount_fen),
           sum(amount_fen), sum(paid_fen), sum(waived_fen)
    from new_bills group by 1, 2, 3, 4
    on conflict (org_id, year, due_on) do update set
        bills = t.bills + excluded.bills, settled_bills = t.settled_bills + excluded.settled_bills,
        billed_fen = t.billed_fen + excluded.billed_fen, paid_fen = t.paid_fen + excluded.paid_fen,
        waived_fen = t.waived_fen + excluded.waived_fen;
    return null;
end $$;

CREATE FUNCTION public.dues_tally_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into dues_tally as t (org_id, org_path, year, due_on, bills, settled_bills, billed_fen, paid_fen, waived_fen)
    select org_id, org_path, year, due_on, sum(sign), coalesce(sum(sign) filter (where settled), 0), sum(sign * amount_fen),
           sum(sign * paid_fen), sum(sign * waived_fen)
    from (select org_id, org_path, year, due_on, -1 as sign, paid_fen + waived_fen >= amount_fen as settled,
                 amount_fen, paid_fen, waived_fen from old_bills
          union all
          select org_id, org_path, year, due_on, 1, paid_fen + waived_fen >= amount_fen,
                 amount_fen, paid_fen, waived_fen from new_bills) changed
    group by 1, 2, 3, 4
    on conflict (org_id, year, due_on) do update set
        bills = t.bills + excluded.bills, settled_bills = t.settled_bills + coalesce(excluded.settled_bills, 0),
        billed_fen = t.billed_fen + excluded.billed_fen, paid_fen = t.paid_fen + excluded.paid_fen,
        waived_fen = t.waived_fen + excluded.waived_fen;
    return null;
end $$;

CREATE FUNCTION public.member_tally_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           -count(*)
    from old_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

CREATE FUNCTION public.member_tally_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           count(*)
    from new_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

CREATE FUNCTION public.member_tally_party_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, x.kind, x.enterprise_kind, x.out_of_town, x.high_tech, m.role, m.tier, sum(x.sign)
    from (select o.id, o.kind, coalesce(o.enterprise_kind, '') as enterprise_kind, o.out_of_town, o.high_tech, -1 as sign
          from old_parties o join new_parties n on n.id = o.id
          where (o.kind, coalesce(o.enterprise_kind, ''), o.out_of_town, o.high_tech)
                is distinct from (n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech)
          union all
          select n.id, n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech, 1
          from old_parties o join new_parties n on n.id = o.id
          where (o.kind, coalesce(o.enterprise_kind, ''), o.out_of_town, o.high_tech)
                is distinct from (n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech)) x
    join membership m on m.party_id = x.id and m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

CREATE FUNCTION public.member_tally_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           -count(*)
    from old_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, role, tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, m.role, m.tier,
           count(*)
    from new_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

CREATE FUNCTION public.membership_copy_party() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if tg_op = 'INSERT' and new.party_kind is not null then
        return new;
    end if;
    select p.name, p.kind, p.enterprise_kind, p.industry_code, p.region_code, p.out_of_town, p.high_tech
    into new.party_name, new.party_kind, new.enterprise_kind, new.industry_code, new.party_region_code,
         new.out_of_town, new.high_tech
    from party p where p.id = new.party_id;
    return new;
end $$;

CREATE FUNCTION public.party_copy_to_memberships() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    update membership set party_name = new.name, party_kind = new.kind, enterprise_kind = new.enterprise_kind,
                          industry_code = new.industry_code, party_region_code = new.region_code,
                          out_of_town = new.out_of_town, high_tech = new.high_tech
    where party_id = new.id;
    return null;
end $$;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.api_token (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    name character varying(100) NOT NULL,
    token_prefix character varying(16) NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);

ALTER TABLE public.api_token ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.api_token_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    actor character varying(64),
    remote_addr character varying(64),
    request_id character varying(64),
    action character varying(64) NOT NULL,
    entity_type character varying(64),
    entity_id character varying(64),
    org_id bigint,
    summary character varying(500),
    changes jsonb
);

ALTER TABLE public.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.calendar_day (
    day date NOT NULL,
    working boolean NOT NULL,
    name character varying(50) NOT NULL
);

CREATE TABLE public.case_attachment (
    id bigint NOT NULL,
    case_id bigint NOT NULL,
    purpose character varying(10) NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size_bytes integer NOT NULL,
    content bytea NOT NULL,
    uploaded_by character varying(100) NOT NULL,
    uploaded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT case_attachment_purpose_check CHECK (((purpose)::text = ANY ((ARRAY['ATTACHMENT'::character varying, 'AGREEMENT'::character varying])::text[])))
);

ALTER TABLE public.case_attachment ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.case_attachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.case_holder (
    case_id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    current boolean DEFAULT false NOT NULL
);

CREATE TABLE public.case_step (
    id bigint NOT NULL,
    case_id bigint NOT NULL,
    action character varying(20) NOT NULL,
    from_state character varying(12),
    to_state character varying(12),
    org_id bigint NOT NULL,
    target_org_id bigint,
    actor character varying(100) NOT NULL,
    comment text,
    at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.case_step ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.case_step_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.case_time_limit (
    org_id bigint NOT NULL,
    kind character varying(12) NOT NULL,
    accept_days integer NOT NULL,
    resolve_days integer NOT NULL,
    updated_by character varying(100) NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT case_time_limit_accept_days_check CHECK (((accept_days >= 1) AND (accept_days <= 30))),
    CONSTRAINT case_time_limit_kind_check CHECK (((kind)::text = ANY ((ARRAY['NEED'::character varying, 'COMPLAINT'::character varying, 'MEDIATION'::character varying])::text[]))),
    CONSTRAINT case_time_limit_resolve_days_check CHECK (((resolve_days >= 1) AND (resolve_days <= 250)))
);

CREATE TABLE public.dues_bill (
    id bigint NOT NULL,
    membership_id bigint NOT NULL,
    party_id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    year integer NOT NULL,
    role character varying(20) NOT NULL,
    amount_fen bigint NOT NULL,
    due_on date NOT NULL,
    issued_on date NOT NULL,
    run_id bigint,
    paid_fen bigint DEFAULT 0 NOT NULL,
    waived_fen bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dues_bill_amount_fen_check CHECK ((amount_fen >= 0)),
    CONSTRAINT dues_bill_not_overpaid CHECK (((paid_fen >= 0) AND (waived_fen >= 0) AND ((paid_fen + waived_fen) <= amount_fen)))
);

ALTER TABLE public.dues_bill ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dues_bill_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.dues_billing_run (
    id bigint NOT NULL,
    org_id bigint NOT NULL,
    year integer NOT NULL,
    subtree boolean NOT NULL,
    status character varying(8) NOT NULL,
    bills_created integer,
    already_billed integer,
    without_schedule integer,
    millis bigint,
    error character varying(500),
    requested_by character varying(100) NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT dues_billing_run_status_check CHECK (((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'RUNNING'::character varying, 'DONE'::character varying, 'FAILED'::character varying])::text[])))
);

ALTER TABLE public.dues_billing_run ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dues_billing_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.dues_entry (
    id bigint NOT NULL,
    membership_id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    bill_id bigint,
    kind character varying(12) NOT NULL,
    amount_fen bigint NOT NULL,
    applied_fen bigint DEFAULT 0 NOT NULL,
    credit_fen bigint DEFAULT 0 NOT NULL,
    method character varying(10),
    reference character varying(100),
    occurred_on date NOT NULL,
    reason character varying(300),
    approver character varying(100),
    corrects_id bigint,
    receipt_no bigint,
    recorded_by character varying(100) NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dues_entry_kind_check CHECK (((kind)::text = ANY ((ARRAY['PAYMENT'::character varying, 'WAIVER'::character varying, 'CORRECTION'::character varying, 'REFUND'::character varying, 'CREDIT_USE'::character varying])::text[]))),
    CONSTRAINT dues_entry_method_check CHECK (((method)::text = ANY ((ARRAY['CASH'::character varying, 'BANK'::character varying, 'WECHAT'::character varying, 'ALIPAY'::character varying])::text[]))),
    CONSTRAINT dues_entry_payment CHECK ((((kind)::text <> 'PAYMENT'::text) OR ((method IS NOT NULL) AND (amount_fen > 0) AND (receipt_no IS NOT NULL)))),
    CONSTRAINT dues_entry_waiver CHECK ((((kind)::text <> 'WAIVER'::text) OR ((reason IS NOT NULL) AND (approver IS NOT NULL) AND (amount_fen > 0))))
);

ALTER TABLE public.dues_entry ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dues_entry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.dues_policy (
    org_id bigint NOT NULL,
    year integer NOT NULL,
    proration character varying(8) NOT NULL,
    due_on date NOT NULL,
    updated_by character varying(100) NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dues_policy_proration_check CHECK (((proration)::text = ANY ((ARRAY['FULL'::character varying, 'MONTHLY'::character varying, 'NONE'::character varying])::text[]))),
    CONSTRAINT dues_policy_year_check CHECK (((year >= 2000) AND (year <= 2100)))
);

CREATE TABLE public.dues_receipt_counter (
    org_id bigint NOT NULL,
    last_no bigint NOT NULL
);

CREATE TABLE public.dues_schedule (
    id bigint NOT NULL,
    org_id bigint NOT NULL,
    year integer NOT NULL,
    role character varying(20) NOT NULL,
    amount_fen bigint NOT NULL,
    effective_from date NOT NULL,
    created_by character varying(100) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dues_schedule_amount_fen_check CHECK ((amount_fen >= 0)),
    CONSTRAINT dues_schedule_role_check CHECK (((role)::text = ANY ((ARRAY['PRESIDENT'::character varying, 'VICE_PRESIDENT'::character varying, 'SECRETARY_GENERAL'::character varying, 'STANDING_DIRECTOR'::character varying, 'DIRECTOR'::character varying, 'SUPERVISOR'::character varying, 'MEMBER'::character varying])::text[]))),
    CONSTRAINT dues_schedule_year_check CHECK (((year >= 2000) AND (year <= 2100)))
);

ALTER TABLE public.dues_schedule ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dues_schedule_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.dues_tally (
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    year integer NOT NULL,
    due_on date NOT NULL,
    bills bigint NOT NULL,
    settled_bills bigint NOT NULL,
    billed_fen bigint NOT NULL,
    paid_fen bigint NOT NULL,
    waived_fen bigint NOT NULL
);

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);

CREATE TABLE public.industry (
    code character varying(2) NOT NULL,
    name character varying(100) NOT NULL,
    section character varying(1)
);

CREATE TABLE public.join_application (
    id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    token character varying(40) NOT NULL,
    kind character varying(10) NOT NULL,
    name character varying(200) NOT NULL,
    credit_code character varying(18),
    enterprise_kind character varying(20),
    contact_name character varying(50),
    industry_code character varying(2),
    region_code character varying(12),
    id_number_cipher bytea,
    id_number_masked character varying(18),
    phone_cipher bytea NOT NULL,
    phone_masked character varying(11) NOT NULL,
    message character varying(1000),
    status character varying(10) DEFAULT 'SUBMITTED'::character varying NOT NULL,
    decision_reason character varying(500),
    decided_by character varying(64),
    decided_at timestamp with time zone,
    party_id bigint,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT join_application_kind_check CHECK (((kind)::text = ANY ((ARRAY['ENTERPRISE'::character varying, 'PERSON'::character varying])::text[]))),
    CONSTRAINT join_application_rejection_reason CHECK ((((status)::text <> 'REJECTED'::text) OR (decision_reason IS NOT NULL))),
    CONSTRAINT join_application_status_check CHECK (((status)::text = ANY ((ARRAY['SUBMITTED'::character varying, 'APPROVED'::character varying, 'REJECTED'::character varying])::text[])))
);

ALTER TABLE public.join_application ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.join_application_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.leadership_term (
    id bigint NOT NULL,
    org_id bigint NOT NULL,
    role character varying(20) NOT NULL,
    person_name character varying(100) NOT NULL,
    non_public_economy boolean DEFAULT true NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT leadership_term_dates CHECK ((ends_on > starts_on)),
    CONSTRAINT leadership_term_role_check CHECK (((role)::text = ANY ((ARRAY['PRESIDENT'::character varying, 'VICE_PRESIDENT'::character varying, 'SECRETARY_GENERAL'::character varying])::text[])))
);

ALTER TABLE public.leadership_term ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.leadership_term_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.login_throttle (
    throttle_key character varying(200) NOT NULL,
    failures integer DEFAULT 0 NOT NULL,
    last_failure_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone
);

CREATE TABLE public.mediation_party (
    id bigint NOT NULL,
    case_id bigint NOT NULL,
    side character varying(10) NOT NULL,
    name character varying(200) NOT NULL,
    party_id bigint,
    contact character varying(100),
    CONSTRAINT mediation_party_side_check CHECK (((side)::text = ANY ((ARRAY['APPLICANT'::character varying, 'RESPONDENT'::character varying])::text[])))
);

ALTER TABLE public.mediation_party ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mediation_party_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.mediation_session (
    id bigint NOT NULL,
    case_id bigint NOT NULL,
    held_on date NOT NULL,
    place character varying(200),
    mediators character varying(300) NOT NULL,
    notes text NOT NULL,
    recorded_by character varying(100) NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.mediation_session ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mediation_session_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.member_account (
    account_id bigint NOT NULL,
    party_id bigint NOT NULL
);

CREATE TABLE public.member_job (
    id bigint NOT NULL,
    kind character varying(8) NOT NULL,
    account_id bigint NOT NULL,
    org_id bigint,
    status character varying(8) DEFAULT 'QUEUED'::character varying NOT NULL,
    file_name character varying(200),
    import_good_rows boolean DEFAULT false NOT NULL,
    total_rows integer,
    processed_rows integer DEFAULT 0 NOT NULL,
    parties_created integer DEFAULT 0 NOT NULL,
    memberships_added integer DEFAULT 0 NOT NULL,
    unchanged_rows integer DEFAULT 0 NOT NULL,
    error_rows integer DEFAULT 0 NOT NULL,
    written boolean DEFAULT false NOT NULL,
    skipped_rows text,
    message character varying(1000),
    result bytea,
    result_name character varying(200),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT member_job_kind_check CHECK (((kind)::text = ANY ((ARRAY['IMPORT'::character varying, 'EXPORT'::character varying])::text[]))),
    CONSTRAINT member_job_status_check CHECK (((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'RUNNING'::character varying, 'DONE'::character varying, 'FAILED'::character varying])::text[])))
);

ALTER TABLE public.member_job ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.member_job_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.member_tally (
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    kind character varying(10) NOT NULL,
    enterprise_kind character varying(20) NOT NULL,
    out_of_town boolean NOT NULL,
    high_tech boolean NOT NULL,
    role character varying(20) NOT NULL,
    tier character varying(10) NOT NULL,
    members bigint NOT NULL
);

CREATE TABLE public.membership (
    id bigint NOT NULL,
    party_id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    role character varying(20) NOT NULL,
    tier character varying(10) NOT NULL,
    tier_reason character varying(200),
    joined_on date NOT NULL,
    left_on date,
    leave_reason character varying(200),
    party_name character varying(200),
    party_kind character varying(10),
    enterprise_kind character varying(20),
    industry_code character varying(2),
    party_region_code character varying(12),
    out_of_town boolean,
    high_tech boolean,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT membership_dates CHECK (((left_on IS NULL) OR (left_on >= joined_on))),
    CONSTRAINT membership_leave_reason CHECK (((left_on IS NULL) OR (leave_reason IS NOT NULL))),
    CONSTRAINT membership_role_check CHECK (((role)::text = ANY ((ARRAY['PRESIDENT'::character varying, 'VICE_PRESIDENT'::character varying, 'SECRETARY_GENERAL'::character varying, 'STANDING_DIRECTOR'::character varying, 'DIRECTOR'::character varying, 'SUPERVISOR'::character varying, 'MEMBER'::character varying])::text[]))),
    CONSTRAINT membership_tier_check CHECK (((tier)::text = ANY ((ARRAY['CORE'::character varying, 'CLOSE'::character varying, 'CONTACT'::character varying, 'PERIPHERAL'::character varying])::text[])))
);

ALTER TABLE public.membership ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.membership_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.notification_opt_out (
    channel character varying(4) NOT NULL,
    recipient character varying(200) NOT NULL,
    topic character varying(50) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_opt_out_sms_hashed CHECK ((((channel)::text <> 'SMS'::text) OR ((recipient)::text ~~ 'hmac:%'::text)))
);

CREATE TABLE public.notification_outbox (
    id bigint NOT NULL,
    channel character varying(4) NOT NULL,
    recipient character varying(200) NOT NULL,
    subject character varying(300) NOT NULL,
    body text NOT NULL,
    topic character varying(50) NOT NULL,
    dedup_key character varying(200) NOT NULL,
    status character varying(8) DEFAULT 'PENDING'::character varying NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    locked_until timestamp with time zone,
    sent_at timestamp with time zone,
    last_error character varying(500),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    recipient_cipher bytea,
    claim_token uuid,
    CONSTRAINT notification_outbox_channel_check CHECK (((channel)::text = ANY ((ARRAY['MAIL'::character varying, 'SMS'::character varying])::text[]))),
    CONSTRAINT notification_outbox_sms_encrypted CHECK ((((channel)::text <> 'SMS'::text) OR (recipient_cipher IS NOT NULL) OR ((status)::text = ANY ((ARRAY['SENT'::character varying, 'LOGGED'::character varying, 'DEAD'::character varying])::text[])))),
    CONSTRAINT notification_outbox_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'SENDING'::character varying, 'SENT'::character varying, 'LOGGED'::character varying, 'FAILED'::character varying, 'DEAD'::character varying])::text[])))
);

ALTER TABLE public.notification_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.notification_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.organization (
    id bigint NOT NULL,
    type character varying(12) NOT NULL,
    level character varying(10),
    chamber_kind character varying(12),
    name character varying(200) NOT NULL,
    short_name character varying(100),
    region_code character varying(12) NOT NULL,
    parent_id bigint,
    path character varying(500) NOT NULL,
    founded_on date,
    registered boolean DEFAULT false NOT NULL,
    registered_on date,
    registration_code character varying(18),
    unregistered_reason character varying(200),
    party_organisation character varying(16) DEFAULT 'NONE'::character varying NOT NULL,
    party_star_rating smallint,
    party_liaison character varying(100),
    office_fixed boolean DEFAULT false NOT NULL,
    office_area numeric(10,2),
    fulltime_staff integer DEFAULT 0 NOT NULL,
    website character varying(200),
    periodical character varying(100),
    has_staff boolean DEFAULT false NOT NULL,
    has_office boolean DEFAULT false NOT NULL,
    has_funds boolean DEFAULT false NOT NULL,
    has_equipment boolean DEFAULT false NOT NULL,
    has_duties boolean DEFAULT false NOT NULL,
    income_band character varying(16),
    status character varying(10) DEFAULT 'ACTIVE'::character varying NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    accepts_join_applications boolean DEFAULT false NOT NULL,
    CONSTRAINT organization_chamber_kind_check CHECK (((chamber_kind)::text = ANY ((ARRAY['TOWNSHIP'::character varying, 'INDUSTRY'::character varying, 'REGIONAL'::character varying, 'OUT_OF_TOWN'::character varying, 'VILLAGE'::character varying])::text[]))),
    CONSTRAINT organization_fulltime_staff_check CHECK ((fulltime_staff >= 0)),
    CONSTRAINT organization_kind_only_for_chambers CHECK ((((type)::text = 'CHAMBER'::text) = (chamber_kind IS NOT NULL))),
    CONSTRAINT organization_level_check CHECK (((level)::text = ANY ((ARRAY['PROVINCE'::character varying, 'CITY'::character varying, 'COUNTY'::character varying])::text[]))),
    CONSTRAINT organization_level_only_for_federations CHECK ((((type)::text = 'CHAMBER'::text) = (level IS NULL))),
    CONSTRAINT organization_party_organisation_check CHECK (((party_organisation)::text = ANY ((ARRAY['NONE'::character varying, 'BRANCH'::character varying, 'JOINT_BRANCH'::character varying, 'COMMITTEE'::character varying])::text[]))),
    CONSTRAINT organization_party_star_rating_check CHECK (((party_star_rating >= 1) AND (party_star_rating <= 5))),
    CONSTRAINT organization_registration_code CHECK (((registration_code IS NULL) OR ((registration_code)::text ~~ '5%'::text))),
    CONSTRAINT organization_status_check CHECK (((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'DISSOLVED'::character varying])::text[]))),
    CONSTRAINT organization_type_check CHECK (((type)::text = ANY ((ARRAY['FEDERATION'::character varying, 'ASSOCIATION'::character varying, 'CHAMBER'::character varying])::text[])))
);

ALTER TABLE public.organization ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.organization_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.party (
    id bigint NOT NULL,
    kind character varying(10) NOT NULL,
    name character varying(200) NOT NULL,
    name_key character varying(200) NOT NULL,
    credit_code character varying(18),
    enterprise_kind character varying(20),
    legal_representative character varying(50),
    industry_code character varying(2),
    size_class character varying(8),
    employees integer,
    region_code character varying(12),
    out_of_town boolean DEFAULT false NOT NULL,
    high_tech boolean DEFAULT false NOT NULL,
    gender character varying(6),
    id_number_cipher bytea,
    id_number_hash bytea,
    id_number_masked character varying(18),
    party_member boolean DEFAULT false NOT NULL,
    public_roles character varying(200),
    group_org_id bigint,
    status character varying(8) DEFAULT 'ACTIVE'::character varying NOT NULL,
    merged_into bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT party_employees_check CHECK ((employees >= 0)),
    CONSTRAINT party_enterprise_fields CHECK ((((kind)::text = 'ENTERPRISE'::text) OR ((credit_code IS NULL) AND (enterprise_kind IS NULL)))),
    CONSTRAINT party_enterprise_kind_check CHECK (((enterprise_kind)::text = ANY ((ARRAY['PRIVATE_ENTERPRISE'::character varying, 'INDIVIDUAL_BUSINESS'::character varying, 'OTHER'::character varying])::text[]))),
    CONSTRAINT party_gender_check CHECK (((gender)::text = ANY ((ARRAY['MALE'::character varying, 'FEMALE'::character varying])::text[]))),
    CONSTRAINT party_group_fields CHECK ((((kind)::text = 'GROUP'::text) = (group_org_id IS NOT NULL))),
    CONSTRAINT party_kind_check CHECK (((kind)::text = ANY ((ARRAY['ENTERPRISE'::character varying, 'PERSON'::character varying, 'GROUP'::character varying])::text[]))),
    CONSTRAINT party_person_fields CHECK ((((kind)::text = 'PERSON'::text) OR ((id_number_hash IS NULL) AND (gender IS NULL)))),
    CONSTRAINT party_size_class_check CHECK (((size_class)::text = ANY ((ARRAY['LARGE'::character varying, 'MEDIUM'::character varying, 'SMALL'::character varying, 'MICRO'::character varying])::text[]))),
    CONSTRAINT party_status_check CHECK (((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'MERGED'::character varying])::text[])))
);

CREATE TABLE public.party_change_proposal (
    id bigint NOT NULL,
    party_id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    proposed jsonb NOT NULL,
    changes jsonb NOT NULL,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    proposed_by character varying(64) NOT NULL,
    proposed_at timestamp with time zone DEFAULT now() NOT NULL,
    decided_by character varying(64),
    decided_at timestamp with time zone,
    decision_note character varying(500),
    CONSTRAINT party_change_proposal_rejection CHECK ((((status)::text <> 'REJECTED'::text) OR (decision_note IS NOT NULL))),
    CONSTRAINT party_change_proposal_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'APPROVED'::character varying, 'REJECTED'::character varying])::text[])))
);

ALTER TABLE public.party_change_proposal ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.party_change_proposal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.party_contact (
    party_id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    phone_cipher bytea,
    phone_hash bytea,
    phone_masked character varying(11),
    phone_last4 character varying(4),
    email character varying(200),
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.party ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.party_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.party_leader (
    person_id bigint NOT NULL,
    enterprise_id bigint NOT NULL
);

CREATE TABLE public.region (
    code character varying(12) NOT NULL,
    name character varying(100) NOT NULL,
    level character varying(10) NOT NULL,
    parent_code character varying(12),
    added_manually boolean DEFAULT false NOT NULL,
    abolished_on date,
    CONSTRAINT region_code_nests CHECK (((parent_code IS NULL) OR ((code)::text ~~ ((parent_code)::text || '%'::text)))),
    CONSTRAINT region_level_check CHECK (((level)::text = ANY ((ARRAY['PROVINCE'::character varying, 'CITY'::character varying, 'COUNTY'::character varying, 'TOWNSHIP'::character varying])::text[])))
);

CREATE TABLE public.service_case (
    id bigint NOT NULL,
    kind character varying(12) NOT NULL,
    category character varying(30) NOT NULL,
    state character varying(12) NOT NULL,
    channel character varying(10) NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    transfer_to_org_id bigint,
    transfers integer DEFAULT 0 NOT NULL,
    title character varying(200) NOT NULL,
    description text NOT NULL,
    party_id bigint,
    visit_id bigint,
    filed_by character varying(100) NOT NULL,
    filed_at timestamp with time zone DEFAULT now() NOT NULL,
    accept_due_on date NOT NULL,
    accepted_at timestamp with time zone,
    resolve_due_on date,
    handler_account_id bigint,
    handler_name character varying(100),
    closed_at timestamp with time zone,
    outcome text,
    respondent_kind character varying(10),
    respondent_name character varying(200),
    amount_involved_fen bigint,
    amount_recovered_fen bigint,
    counsel_name character varying(100),
    amount_in_dispute_fen bigint,
    mediators character varying(300),
    mediation_result character varying(20),
    agreement_terms text,
    court_name character varying(200),
    court_case_number character varying(100),
    reported_to_court_on date,
    rating smallint,
    rating_comment character varying(500),
    rated_via character varying(10),
    rated_at timestamp with time zone,
    reopened_at timestamp with time zone,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT service_case_amount_in_dispute_fen_check CHECK ((amount_in_dispute_fen >= 0)),
    CONSTRAINT service_case_amount_involved_fen_check CHECK ((amount_involved_fen >= 0)),
    CONSTRAINT service_case_amount_recovered_fen_check CHECK ((amount_recovered_fen >= 0)),
    CONSTRAINT service_case_channel_check CHECK (((channel)::text = ANY ((ARRAY['PORTAL'::character varying, 'STAFF'::character varying, 'VISIT'::character varying, 'COURT'::character varying])::text[]))),
    CONSTRAINT service_case_check CHECK ((((state)::text <> ALL ((ARRAY['RESOLVED'::character varying, 'UNRESOLVED'::character varying, 'REJECTED'::character varying])::text[])) OR (closed_at IS NOT NULL))),
    CONSTRAINT service_case_kind_check CHECK (((kind)::text = ANY ((ARRAY['NEED'::character varying, 'COMPLAINT'::character varying, 'MEDIATION'::character varying])::text[]))),
    CONSTRAINT service_case_mediation_result_check CHECK (((mediation_result)::text = ANY ((ARRAY['AGREEMENT'::character varying, 'FAILED'::character varying, 'REFERRED_TO_COURT'::character varying])::text[]))),
    CONSTRAINT service_case_rated_via_check CHECK (((rated_via)::text = ANY ((ARRAY['PORTAL'::character varying, 'PHONE'::character varying])::text[]))),
    CONSTRAINT service_case_rating_check CHECK (((rating >= 1) AND (rating <= 5))),
    CONSTRAINT service_case_respondent_kind_check CHECK (((respondent_kind)::text = ANY ((ARRAY['AUTHORITY'::character varying, 'COMPANY'::character varying, 'OTHER'::character varying])::text[]))),
    CONSTRAINT service_case_state_check CHECK (((state)::text = ANY ((ARRAY['SUBMITTED'::character varying, 'ACCEPTED'::character varying, 'IN_PROGRESS'::character varying, 'RESOLVED'::character varying, 'UNRESOLVED'::character varying, 'REJECTED'::character varying])::text[])))
);

ALTER TABLE public.service_case ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.service_case_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.spring_session (
    primary_id character(36) NOT NULL,
    session_id character(36) NOT NULL,
    creation_time bigint NOT NULL,
    last_access_time bigint NOT NULL,
    max_inactive_interval integer NOT NULL,
    expiry_time bigint NOT NULL,
    principal_name character varying(100)
);

CREATE TABLE public.spring_session_attributes (
    session_primary_id character(36) NOT NULL,
    attribute_name character varying(200) NOT NULL,
    attribute_bytes bytea NOT NULL
);

CREATE TABLE public.user_account (
    id bigint NOT NULL,
    username character varying(64) NOT NULL,
    display_name character varying(100) NOT NULL,
    password_hash character varying(200) NOT NULL,
    org_id bigint,
    enabled boolean DEFAULT true NOT NULL,
    password_change_required boolean DEFAULT false NOT NULL,
    password_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    email character varying(200)
);

ALTER TABLE public.user_account ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.user_account_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.user_account_role (
    user_id bigint NOT NULL,
    role character varying(32) NOT NULL
);

CREATE TABLE public.visit (
    id bigint NOT NULL,
    org_id bigint NOT NULL,
    org_path character varying(500) NOT NULL,
    party_id bigint NOT NULL,
    plan_year integer NOT NULL,
    plan_quarter integer NOT NULL,
    state character varying(10) NOT NULL,
    visitors character varying(200) NOT NULL,
    purpose character varying(300),
    visited_on date,
    findings text,
    created_by character varying(100) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_by character varying(100),
    completed_at timestamp with time zone,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT visit_check CHECK ((((state)::text <> 'COMPLETED'::text) OR ((visited_on IS NOT NULL) AND (findings IS NOT NULL)))),
    CONSTRAINT visit_plan_quarter_check CHECK (((plan_quarter >= 1) AND (plan_quarter <= 4))),
    CONSTRAINT visit_plan_year_check CHECK (((plan_year >= 2000) AND (plan_year <= 2100))),
    CONSTRAINT visit_state_check CHECK (((state)::text = ANY ((ARRAY['PLANNED'::character varying, 'COMPLETED'::character varying, 'CANCELLED'::character varying])::text[])))
);

ALTER TABLE public.visit ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.visit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

INSERT INTO public.calendar_day VALUES ('2026-01-01', false, '元旦');
INSERT INTO public.calendar_day VALUES ('2026-01-02', false, '元旦');
INSERT INTO public.calendar_day VALUES ('2026-01-03', false, '元旦');
INSERT INTO public.calendar_day VALUES ('2026-01-04', true, '元旦调休上班');
INSERT INTO public.calendar_day VALUES ('2026-02-15', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-16', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-17', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-18', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-19', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-20', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-21', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-22', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-23', false, '春节');
INSERT INTO public.calendar_day VALUES ('2026-02-14', true, '春节调休上班');
INSERT INTO public.calendar_day VALUES ('2026-02-28', true, '春节调休上班');
INSERT INTO public.calendar_day VALUES ('2026-04-04', false, '清明节');
INSERT INTO public.calendar_day VALUES ('2026-04-05', false, '清明节');
INSERT INTO public.calendar_day VALUES ('2026-04-06', false, '清明节');
INSERT INTO public.calendar_day VALUES ('2026-05-01', false, '劳动节');
INSERT INTO public.calendar_day VALUES ('2026-05-02', false, '劳动节');
INSERT INTO public.calendar_day VALUES ('2026-05-03', false, '劳动节');
INSERT INTO public.calendar_day VALUES ('2026-05-04', false, '劳动节');
INSERT INTO public.calendar_day VALUES ('2026-05-05', false, '劳动节');
INSERT INTO public.calendar_day VALUES ('2026-05-09', true, '劳动节调休上班');
INSERT INTO public.calendar_day VALUES ('2026-06-19', false, '端午节');
INSERT INTO public.calendar_day VALUES ('2026-06-20', false, '端午节');
INSERT INTO public.calendar_day VALUES ('2026-06-21', false, '端午节');
INSERT INTO public.calendar_day VALUES ('2026-09-25', false, '中秋节');
INSERT INTO public.calendar_day VALUES ('2026-09-26', false, '中秋节');
INSERT INTO public.calendar_day VALUES ('2026-09-27', false, '中秋节');
INSERT INTO public.calendar_day VALUES ('2026-10-01', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-10-02', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-10-03', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-10-04', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-10-05', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-10-06', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-10-07', false, '国庆节');
INSERT INTO public.calendar_day VALUES ('2026-09-20', true, '国庆节调休上班');
INSERT INTO public.calendar_day VALUES ('2026-10-10', true, '国庆节调休上班');

INSERT INTO public.case_holder VALUES (1, 5, '/3/4/5/', false);

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'spring session', 'SQL', 'V1__spring_session.sql', -33600910, 'postgres', '2026-11-28 13:19:28.075687', 91, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'identity', 'SQL', 'V2__identity.sql', 1817765226, 'postgres', '2026-11-28 13:19:28.38324', 50, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'audit log', 'SQL', 'V3__audit_log.sql', 396119179, 'postgres', '2026-11-28 13:19:28.489706', 56, true);
INSERT INTO public.flyway_schema_history VALUES (4, '4', 'region', 'SQL', 'V4__region.sql', -1691704361, 'postgres', '2026-11-28 13:19:28.576124', 30, true);
INSERT INTO public.flyway_schema_history VALUES (5, '5', 'load regions nbs 2023', 'JDBC', 'org.chamberlink.region.internal.LoadRegionsMigration', -540808541, 'postgres', '2026-11-28 13:19:28.633355', 1270, true);
INSERT INTO public.flyway_schema_history VALUES (6, '6', 'organization', 'SQL', 'V6__organization.sql', -1471000139, 'postgres', '2026-11-28 13:19:29.938127', 54, true);
INSERT INTO public.flyway_schema_history VALUES (7, '7', 'leadership', 'SQL', 'V7__leadership.sql', -1325151366, 'postgres', '2026-11-28 13:19:30.055253', 42, true);
INSERT INTO public.flyway_schema_history VALUES (8, '8', 'member', 'SQL', 'V8__member.sql', -1099126128, 'postgres', '2026-11-28 13:19:30.118985', 219, true);
INSERT INTO public.flyway_schema_history VALUES (9, '9', 'load industries gbt4754 2017', 'JDBC', 'org.chamberlink.member.internal.LoadIndustriesMigration', -379426680, 'postgres', '2026-11-28 13:19:30.409554', 26, true);
INSERT INTO public.flyway_schema_history VALUES (10, '11', 'party email', 'SQL', 'V11__party_email.sql', -313334685, 'postgres', '2026-11-28 13:19:30.515257', 3, true);
INSERT INTO public.flyway_schema_history VALUES (11, '12', 'dues', 'SQL', 'V12__dues.sql', -1500602862, 'postgres', '2026-11-28 13:19:30.536622', 195, true);
INSERT INTO public.flyway_schema_history VALUES (12, '13', 'notification', 'SQL', 'V13__notification.sql', -581010322, 'postgres', '2026-11-28 13:19:30.762271', 60, true);
INSERT INTO public.flyway_schema_history VALUES (13, '14', 'dues bill lean', 'SQL', 'V14__dues_bill_lean.sql', 1469298584, 'postgres', '2026-11-28 13:19:30.845702', 12, true);
INSERT INTO public.flyway_schema_history VALUES (14, '15', 'notification phones and claims', 'SQL', 'V15__notification_phones_and_claims.sql', 812198038, 'postgres', '2026-11-28 13:19:30.894289', 21, true);
INSERT INTO public.flyway_schema_history VALUES (15, '16', 'membership scope covering', 'SQL', 'V16__membership_scope_covering.sql', 1647937209, 'postgres', '2026-11-28 13:19:30.947615', 10, true);
INSERT INTO public.flyway_schema_history VALUES (16, '17', 'casework', 'SQL', 'V17__casework.sql', -1490886283, 'postgres', '2026-11-28 13:19:30.980642', 296, true);
INSERT INTO public.flyway_schema_history VALUES (17, '18', 'case list indexes', 'SQL', 'V18__case_list_indexes.sql', -1656387441, 'postgres', '2026-11-28 13:19:31.313899', 18, true);
INSERT INTO public.flyway_schema_history VALUES (18, '19', 'case figures covering', 'SQL', 'V19__case_figures_covering.sql', -1535124689, 'postgres', '2026-11-28 13:19:31.342046', 5, true);
INSERT INTO public.flyway_schema_history VALUES (19, '20', 'party contact', 'SQL', 'V20__party_contact.sql', -1844644038, 'postgres', '2026-11-28 13:19:31.359451', 29, true);
INSERT INTO public.flyway_schema_history VALUES (20, '21', 'organization scope rules', 'SQL', 'V21__organization_scope_rules.sql', -1625565864, 'postgres', '2026-11-28 13:19:31.399651', 2, true);
INSERT INTO public.flyway_schema_history VALUES (21, '22', 'party change proposal', 'SQL', 'V22__party_change_proposal.sql', -644735973, 'postgres', '2026-11-28 13:19:31.416733', 17, true);

INSERT INTO public.industry VALUES ('A', '农、林、牧、渔业', NULL);
INSERT INTO public.industry VALUES ('B', '采矿业', NULL);
INSERT INTO public.industry VALUES ('C', '制造业', NULL);
INSERT INTO public.industry VALUES ('D', '电力、热力、燃气及水生产和供应业', NULL);
INSERT INTO public.industry VALUES ('E', '建筑业', NULL);
INSERT INTO public.industry VALUES ('F', '批发和零售业', NULL);
INSERT INTO public.industry VALUES ('G', '交通运输、仓储和邮政业', NULL);
INSERT INTO public.industry VALUES ('H', '住宿和餐饮业', NULL);
INSERT INTO public.industry VALUES ('I', '信息传输、软件和信息技术服务业', NULL);
INSERT INTO public.industry VALUES ('J', '金融业', NULL);
INSERT INTO public.industry VALUES ('K', '房地产业', NULL);
INSERT INTO public.industry VALUES ('L', '租赁和商务服务业', NULL);
INSERT INTO public.industry VALUES ('M', '科学研究和技术服务业', NULL);
INSERT INTO public.industry VALUES ('N', '水利、环境和公共设施管理业', NULL);
INSERT INTO public.industry VALUES ('O', '居民服务、修理和其他服务业', NULL);
INSERT INTO public.industry VALUES ('P', '教育', NULL);
INSERT INTO public.industry VALUES ('Q', '卫生和社会工作', NULL);
INSERT INTO public.industry VALUES ('R', '文化、体育和娱乐业', NULL);
INSERT INTO public.industry VALUES ('S', '公共管理、社会保障和社会组织', NULL);
INSERT INTO public.industry VALUES ('T', '国际组织', NULL);
INSERT INTO public.industry VALUES ('01', '农业', 'A');
INSERT INTO public.industry VALUES ('02', '林业', 'A');
INSERT INTO public.industry VALUES ('03', '畜牧业', 'A');
INSERT INTO public.industry VALUES ('04', '渔业', 'A');
INSERT INTO public.industry VALUES ('05', '农、林、牧、渔专业及辅助性活动', 'A');
INSERT INTO public.industry VALUES ('06', '煤炭开采和洗选业', 'B');
INSERT INTO public.industry VALUES ('07', '石油和天然气开采业', 'B');
INSERT INTO public.industry VALUES ('08', '黑色金属矿采选业', 'B');
INSERT INTO public.industry VALUES ('09', '有色金属矿采选业', 'B');
INSERT INTO public.industry VALUES ('10', '非金属矿采选业', 'B');
INSERT INTO public.industry VALUES ('11', '开采专业及辅助性活动', 'B');
INSERT INTO public.industry VALUES ('12', '其他采矿业', 'B');
INSERT INTO public.industry VALUES ('13', '农副食品加工业', 'C');
INSERT INTO public.industry VALUES ('14', '食品制造业', 'C');
INSERT INTO public.industry VALUES ('15', '酒、饮料和精制茶制造业', 'C');
INSERT INTO public.industry VALUES ('16', '烟草制品业', 'C');
INSERT INTO public.industry VALUES ('17', '纺织业', 'C');
INSERT INTO public.industry VALUES ('18', '纺织服装、服饰业', 'C');
INSERT INTO public.industry VALUES ('19', '皮革、毛皮、羽毛及其制品和制鞋业', 'C');
INSERT INTO public.industry VALUES ('20', '木材加工和木、竹、藤、棕、草制品业', 'C');
INSERT INTO public.industry VALUES ('21', '家具制造业', 'C');
INSERT INTO public.industry VALUES ('22', '造纸和纸制品业', 'C');
INSERT INTO public.industry VALUES ('23', '印刷和记录媒介复制业', 'C');
INSERT INTO public.industry VALUES ('24', '文教、工美、体育和娱乐用品制造业', 'C');
INSERT INTO public.industry VALUES ('25', '石油、煤炭及其他燃料加工业', 'C');
INSERT INTO public.industry VALUES ('26', '化学原料和化学制品制造业', 'C');
INSERT INTO public.industry VALUES ('27', '医药制造业', 'C');
INSERT INTO public.industry VALUES ('28', '化学纤维制造业', 'C');
INSERT INTO public.industry VALUES ('29', '橡胶和塑料制品业', 'C');
INSERT INTO public.industry VALUES ('30', '非金属矿物制品业', 'C');
INSERT INTO public.industry VALUES ('31', '黑色金属冶炼和压延加工业', 'C');
INSERT INTO public.industry VALUES ('32', '有色金属冶炼和压延加工业', 'C');
INSERT INTO public.industry VALUES ('33', '金属制品业', 'C');
INSERT INTO public.industry VALUES ('34', '通用设备制造业', 'C');
INSERT INTO public.industry VALUES ('35', '专用设备制造业', 'C');
INSERT INTO public.industry VALUES ('36', '汽车制造业', 'C');
INSERT INTO public.industry VALUES ('37', '铁路、船舶、航空航天和其他运输设备制造业', 'C');
INSERT INTO public.industry VALUES ('38', '电气机械和器材制造业', 'C');
INSERT INTO public.industry VALUES ('39', '计算机、通信和其他电子设备制造业', 'C');
INSERT INTO public.industry VALUES ('40', '仪器仪表制造业', 'C');
INSERT INTO public.industry VALUES ('41', '其他制造业', 'C');
INSERT INTO public.industry VALUES ('42', '废弃资源综合利用业', 'C');
INSERT INTO public.industry VALUES ('43', '金属制品、机械和设备修理业', 'C');
INSERT INTO public.industry VALUES ('44', '电力、热力生产和供应业', 'D');
INSERT INTO public.industry VALUES ('45', '燃气生产和供应业', 'D');
INSERT INTO public.industry VALUES ('46', '水的生产和供应业', 'D');
INSERT INTO public.industry VALUES ('47', '房屋建筑业', 'E');
INSERT INTO public.industry VALUES ('48', '土木工程建筑业', 'E');
INSERT INTO public.industry VALUES ('49', '建筑安装业', 'E');
INSERT INTO public.industry VALUES ('50', '建筑装饰、装修和其他建筑业', 'E');
INSERT INTO public.industry VALUES ('51', '批发业', 'F');
INSERT INTO public.industry VALUES ('52', '零售业', 'F');
INSERT INTO public.industry VALUES ('53', '铁路运输业', 'G');
INSERT INTO public.industry VALUES ('54', '道路运输业', 'G');
INSERT INTO public.industry VALUES ('55', '水上运输业', 'G');
INSERT INTO public.industry VALUES ('56', '航空运输业', 'G');
INSERT INTO public.industry VALUES ('57', '管道运输业', 'G');
INSERT INTO public.industry VALUES ('58', '多式联运和运输代理业', 'G');
INSERT INTO public.industry VALUES ('59', '装卸搬运和仓储业', 'G');
INSERT INTO public.industry VALUES ('60', '邮政业', 'G');
INSERT INTO public.industry VALUES ('61', '住宿业', 'H');
INSERT INTO public.industry VALUES ('62', '餐饮业', 'H');
INSERT INTO public.industry VALUES ('63', '电信、广播电视和卫星传输服务', 'I');
INSERT INTO public.industry VALUES ('64', '互联网和相关服务', 'I');
INSERT INTO public.industry VALUES ('65', '软件和信息技术服务业', 'I');
INSERT INTO public.industry VALUES ('66', '货币金融服务', 'J');
INSERT INTO public.industry VALUES ('67', '资本市场服务', 'J');
INSERT INTO public.industry VALUES ('68', '保险业', 'J');
INSERT INTO public.industry VALUES ('69', '其他金融业', 'J');
INSERT INTO public.industry VALUES ('70', '房地产业', 'K');
INSERT INTO public.industry VALUES ('71', '租赁业', 'L');
INSERT INTO public.industry VALUES ('72', '商务服务业', 'L');
INSERT INTO public.industry VALUES ('73', '研究和试验发展', 'M');
INSERT INTO public.industry VALUES ('74', '专业技术服务业', 'M');
INSERT INTO public.industry VALUES ('75', '科技推广和应用服务业', 'M');
INSERT INTO public.industry VALUES ('76', '水利管理业', 'N');
INSERT INTO public.industry VALUES ('77', '生态保护和环境治理业', 'N');
INSERT INTO public.industry VALUES ('78', '公共设施管理业', 'N');
INSERT INTO public.industry VALUES ('79', '土地管理业', 'N');
INSERT INTO public.industry VALUES ('80', '居民服务业', 'O');
INSERT INTO public.industry VALUES ('81', '机动车、电子产品和日用产品修理业', 'O');
INSERT INTO public.industry VALUES ('82', '其他服务业', 'O');
INSERT INTO public.industry VALUES ('83', '教育', 'P');
INSERT INTO public.industry VALUES ('84', '卫生', 'Q');
INSERT INTO public.industry VALUES ('85', '社会工作', 'Q');
INSERT INTO public.industry VALUES ('86', '新闻和出版业', 'R');
INSERT INTO public.industry VALUES ('87', '广播、电视、电影和录音制作业', 'R');
INSERT INTO public.industry VALUES ('88', '文化艺术业', 'R');
INSERT INTO public.industry VALUES ('89', '体育', 'R');
INSERT INTO public.industry VALUES ('90', '娱乐业', 'R');
INSERT INTO public.industry VALUES ('91', '中国共产党机关', 'S');
INSERT INTO public.industry VALUES ('92', '国家机构', 'S');
INSERT INTO public.industry VALUES ('93', '人民政协、民主党派', 'S');
INSERT INTO public.industry VALUES ('94', '社会保障', 'S');
INSERT INTO public.industry VALUES ('95', '群众团体、社会团体和其他成员组织', 'S');
INSERT INTO public.industry VALUES ('96', '基层群众自治组织及其他组织', 'S');
INSERT INTO public.industry VALUES ('97', '国际组织', 'T');

INSERT INTO public.member_tally VALUES (5, '/3/4/5/', 'ENTERPRISE', 'PRIVATE_ENTERPRISE', false, false, 'MEMBER', 'PERIPHERAL', 1);

INSERT INTO public.membership OVERRIDING SYSTEM VALUE VALUES (1, 1, 5, '/3/4/5/', 'MEMBER', 'PERIPHERAL', NULL, '2024-03-01', NULL, NULL, '升级测试建材有限公司', 'ENTERPRISE', 'PRIVATE_ENTERPRISE', '13', '130102', false, false, '2026-11-28 13:19:40.72641+00', 0);

INSERT INTO public.organization OVERRIDING SYSTEM VALUE VALUES (3, 'FEDERATION', 'PROVINCE', NULL, '升级测试省工商联', NULL, '13', NULL, '/3/', NULL, false, NULL, NULL, NULL, 'NONE', NULL, NULL, false, NULL, 0, NULL, NULL, false, false, false, false, false, NULL, 'ACTIVE', '2026-11-28 13:19:40.69845+00', 0, false);
INSERT INTO public.organization OVERRIDING SYSTEM VALUE VALUES (4, 'FEDERATION', 'COUNTY', NULL, '升级测试区工商联', NULL, '130102', 3, '/3/4/', NULL, false, NULL, NULL, NULL, 'NONE', NULL, NULL, false, NULL, 0, NULL, NULL, false, false, false, false, false, NULL, 'ACTIVE', '2026-11-28 13:19:40.710419+00', 0, false);
INSERT INTO public.organization OVERRIDING SYSTEM VALUE VALUES (5, 'CHAMBER', NULL, 'INDUSTRY', '升级测试建材商会', NULL, '130102', 4, '/3/4/5/', NULL, false, NULL, NULL, NULL, 'NONE', NULL, NULL, false, NULL, 0, NULL, NULL, false, false, false, false, false, NULL, 'ACTIVE', '2026-11-28 13:19:40.714439+00', 0, false);

INSERT INTO public.party OVERRIDING SYSTEM VALUE VALUES (1, 'ENTERPRISE', '升级测试建材有限公司', '升级测试建材', '91130102MA0UPGRAD1', 'PRIVATE_ENTERPRISE', NULL, '13', NULL, NULL, '130102', false, false, NULL, NULL, NULL, NULL, false, NULL, NULL, 'ACTIVE', NULL, '2026-11-28 13:19:40.722501+00', 0);

INSERT INTO public.region VALUES ('13', '河北省', 'PROVINCE', NULL, false, NULL);
INSERT INTO public.region VALUES ('1301', '石家庄市', 'CITY', '13', false, NULL);
INSERT INTO public.region VALUES ('130102', '长安区', 'COUNTY', '1301', false, NULL);

INSERT INTO public.service_case OVERRIDING SYSTEM VALUE VALUES (1, 'COMPLAINT', 'ARBITRARY_CHARGES', 'SUBMITTED', 'STAFF', 5, '/3/4/5/', NULL, 0, '升级前提交的投诉', '检查收费不开票据。', 1, NULL, 'upgrade', '2026-11-20 02:00:00+00', '2026-11-25', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0);

SELECT pg_catalog.setval('public.api_token_id_seq', 1, false);

SELECT pg_catalog.setval('public.audit_log_id_seq', 1, false);

SELECT pg_catalog.setval('public.case_attachment_id_seq', 1, false);

SELECT pg_catalog.setval('public.case_step_id_seq', 1, false);

SELECT pg_catalog.setval('public.dues_bill_id_seq', 1, false);

SELECT pg_catalog.setval('public.dues_billing_run_id_seq', 1, false);

SELECT pg_catalog.setval('public.dues_entry_id_seq', 1, false);

SELECT pg_catalog.setval('public.dues_schedule_id_seq', 1, false);

SELECT pg_catalog.setval('public.join_application_id_seq', 1, false);

SELECT pg_catalog.setval('public.leadership_term_id_seq', 1, false);

SELECT pg_catalog.setval('public.mediation_party_id_seq', 1, false);

SELECT pg_catalog.setval('public.mediation_session_id_seq', 1, false);

SELECT pg_catalog.setval('public.member_job_id_seq', 1, false);

SELECT pg_catalog.setval('public.membership_id_seq', 1, true);

SELECT pg_catalog.setval('public.notification_outbox_id_seq', 1, false);

SELECT pg_catalog.setval('public.organization_id_seq', 5, true);

SELECT pg_catalog.setval('public.party_change_proposal_id_seq', 1, false);

SELECT pg_catalog.setval('public.party_id_seq', 1, true);

SELECT pg_catalog.setval('public.service_case_id_seq', 1, true);

SELECT pg_catalog.setval('public.user_account_id_seq', 1, false);

SELECT pg_catalog.setval('public.visit_id_seq', 1, false);

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.calendar_day
    ADD CONSTRAINT calendar_day_pkey PRIMARY KEY (day);

ALTER TABLE ONLY public.case_attachment
    ADD CONSTRAINT case_attachment_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.case_holder
    ADD CONSTRAINT case_holder_pkey PRIMARY KEY (case_id, org_id);

ALTER TABLE ONLY public.case_step
    ADD CONSTRAINT case_step_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.case_time_limit
    ADD CONSTRAINT case_time_limit_pkey PRIMARY KEY (org_id, kind);

ALTER TABLE ONLY public.dues_bill
    ADD CONSTRAINT dues_bill_once UNIQUE (membership_id, year);

ALTER TABLE ONLY public.dues_bill
    ADD CONSTRAINT dues_bill_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dues_billing_run
    ADD CONSTRAINT dues_billing_run_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dues_entry
    ADD CONSTRAINT dues_entry_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dues_policy
    ADD CONSTRAINT dues_policy_pkey PRIMARY KEY (org_id, year);

ALTER TABLE ONLY public.dues_receipt_counter
    ADD CONSTRAINT dues_receipt_counter_pkey PRIMARY KEY (org_id);

ALTER TABLE ONLY public.dues_schedule
    ADD CONSTRAINT dues_schedule_org_id_year_role_effective_from_key UNIQUE (org_id, year, role, effective_from);

ALTER TABLE ONLY public.dues_schedule
    ADD CONSTRAINT dues_schedule_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dues_tally
    ADD CONSTRAINT dues_tally_pkey PRIMARY KEY (org_id, year, due_on);

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);

ALTER TABLE ONLY public.industry
    ADD CONSTRAINT industry_pkey PRIMARY KEY (code);

ALTER TABLE ONLY public.join_application
    ADD CONSTRAINT join_application_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.join_application
    ADD CONSTRAINT join_application_token_key UNIQUE (token);

ALTER TABLE ONLY public.leadership_term
    ADD CONSTRAINT leadership_term_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.login_throttle
    ADD CONSTRAINT login_throttle_pkey PRIMARY KEY (throttle_key);

ALTER TABLE ONLY public.mediation_party
    ADD CONSTRAINT mediation_party_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.mediation_session
    ADD CONSTRAINT mediation_session_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.member_account
    ADD CONSTRAINT member_account_party_id_key UNIQUE (party_id);

ALTER TABLE ONLY public.member_account
    ADD CONSTRAINT member_account_pkey PRIMARY KEY (account_id);

ALTER TABLE ONLY public.member_job
    ADD CONSTRAINT member_job_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.member_tally
    ADD CONSTRAINT member_tally_pkey PRIMARY KEY (org_id, kind, enterprise_kind, out_of_town, high_tech, role, tier);

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notification_opt_out
    ADD CONSTRAINT notification_opt_out_pkey PRIMARY KEY (channel, recipient, topic);

ALTER TABLE ONLY public.notification_outbox
    ADD CONSTRAINT notification_outbox_dedup_key_key UNIQUE (dedup_key);

ALTER TABLE ONLY public.notification_outbox
    ADD CONSTRAINT notification_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.party_change_proposal
    ADD CONSTRAINT party_change_proposal_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.party_contact
    ADD CONSTRAINT party_contact_pkey PRIMARY KEY (party_id, org_id);

ALTER TABLE ONLY public.party_leader
    ADD CONSTRAINT party_leader_pkey PRIMARY KEY (person_id, enterprise_id);

ALTER TABLE ONLY public.party
    ADD CONSTRAINT party_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.region
    ADD CONSTRAINT region_pkey PRIMARY KEY (code);

ALTER TABLE ONLY public.service_case
    ADD CONSTRAINT service_case_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.spring_session_attributes
    ADD CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name);

ALTER TABLE ONLY public.spring_session
    ADD CONSTRAINT spring_session_pk PRIMARY KEY (primary_id);

ALTER TABLE ONLY public.user_account
    ADD CONSTRAINT user_account_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.user_account_role
    ADD CONSTRAINT user_account_role_pkey PRIMARY KEY (user_id, role);

ALTER TABLE ONLY public.visit
    ADD CONSTRAINT visit_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX api_token_hash_uk ON public.api_token USING btree (token_hash);

CREATE INDEX api_token_user_ix ON public.api_token USING btree (user_id);

CREATE INDEX audit_log_action_ix ON public.audit_log USING btree (action, occurred_at DESC);

CREATE INDEX audit_log_actor_ix ON public.audit_log USING btree (actor, occurred_at DESC);

CREATE INDEX audit_log_entity_ix ON public.audit_log USING btree (entity_type, entity_id, occurred_at DESC);

CREATE INDEX audit_log_occurred_ix ON public.audit_log USING btree (occurred_at DESC);

CREATE INDEX case_attachment_case_ix ON public.case_attachment USING btree (case_id);

CREATE INDEX case_holder_elsewhere_ix ON public.case_holder USING btree (org_path varchar_pattern_ops) WHERE (NOT current);

CREATE INDEX case_holder_scope_ix ON public.case_holder USING btree (org_path varchar_pattern_ops, case_id);

CREATE INDEX case_step_case_ix ON public.case_step USING btree (case_id, id);

CREATE INDEX dues_bill_scope_ix ON public.dues_bill USING btree (org_path varchar_pattern_ops, year);

CREATE INDEX dues_billing_run_org_ix ON public.dues_billing_run USING btree (org_id, id DESC);

CREATE INDEX dues_entry_bill_ix ON public.dues_entry USING btree (bill_id);

CREATE INDEX dues_entry_corrects_ix ON public.dues_entry USING btree (corrects_id) WHERE (corrects_id IS NOT NULL);

CREATE INDEX dues_entry_membership_ix ON public.dues_entry USING btree (membership_id);

CREATE UNIQUE INDEX dues_entry_receipt_uk ON public.dues_entry USING btree (org_id, receipt_no) WHERE (receipt_no IS NOT NULL);

CREATE INDEX dues_entry_reference_ix ON public.dues_entry USING btree (org_id, reference) WHERE (reference IS NOT NULL);

CREATE INDEX dues_tally_path_ix ON public.dues_tally USING btree (org_path varchar_pattern_ops, year);

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);

CREATE INDEX join_application_scope_ix ON public.join_application USING btree (org_path varchar_pattern_ops, status, submitted_at DESC);

CREATE INDEX leadership_term_org_ix ON public.leadership_term USING btree (org_id, role, ends_on DESC);

CREATE INDEX leadership_term_president_end_ix ON public.leadership_term USING btree (ends_on) WHERE ((role)::text = 'PRESIDENT'::text);

CREATE INDEX mediation_party_case_ix ON public.mediation_party USING btree (case_id);

CREATE INDEX mediation_session_case_ix ON public.mediation_session USING btree (case_id);

CREATE INDEX member_job_account_ix ON public.member_job USING btree (account_id, created_at DESC);

CREATE INDEX member_tally_path_ix ON public.member_tally USING btree (org_path varchar_pattern_ops);

CREATE UNIQUE INDEX membership_current_uk ON public.membership USING btree (party_id, org_id) WHERE (left_on IS NULL);

CREATE INDEX membership_left_on_ix ON public.membership USING btree (left_on) WHERE (left_on IS NOT NULL);

CREATE INDEX membership_org_ix ON public.membership USING btree (org_id);

CREATE INDEX membership_party_ix ON public.membership USING btree (party_id);

CREATE INDEX membership_party_name_trgm_ix ON public.membership USING gin (party_name public.gin_trgm_ops) WITH (gin_pending_list_limit='65536');

CREATE INDEX membership_scope_ix ON public.membership USING btree (org_path varchar_pattern_ops, joined_on) INCLUDE (id, left_on, role, tier, party_kind, enterprise_kind, industry_code, party_region_code, out_of_town, high_tech, party_name);

CREATE INDEX notification_outbox_due_ix ON public.notification_outbox USING btree (next_attempt_at) WHERE ((status)::text = ANY ((ARRAY['PENDING'::character varying, 'FAILED'::character varying, 'SENDING'::character varying])::text[]));

CREATE UNIQUE INDEX organization_one_township_chamber_uk ON public.organization USING btree (region_code) WHERE (((chamber_kind)::text = 'TOWNSHIP'::text) AND ((status)::text = 'ACTIVE'::text));

CREATE INDEX organization_parent_ix ON public.organization USING btree (parent_id);

CREATE UNIQUE INDEX organization_path_uk ON public.organization USING btree (path varchar_pattern_ops);

CREATE INDEX organization_region_ix ON public.organization USING btree (region_code varchar_pattern_ops);

CREATE INDEX organization_type_ix ON public.organization USING btree (type, chamber_kind, status);

CREATE INDEX party_change_proposal_party_ix ON public.party_change_proposal USING btree (party_id, status);

CREATE INDEX party_change_proposal_pending_ix ON public.party_change_proposal USING btree (proposed_at) WHERE ((status)::text = 'PENDING'::text);

CREATE INDEX party_change_proposal_scope_ix ON public.party_change_proposal USING btree (org_path varchar_pattern_ops);

CREATE INDEX party_contact_org_ix ON public.party_contact USING btree (org_id);

CREATE INDEX party_contact_phone_hash_ix ON public.party_contact USING btree (phone_hash) WHERE (phone_hash IS NOT NULL);

CREATE INDEX party_contact_phone_last4_ix ON public.party_contact USING btree (phone_last4) WHERE (phone_last4 IS NOT NULL);

CREATE INDEX party_contact_scope_ix ON public.party_contact USING btree (org_path varchar_pattern_ops);

CREATE UNIQUE INDEX party_credit_code_uk ON public.party USING btree (credit_code) WHERE ((status)::text = 'ACTIVE'::text);

CREATE UNIQUE INDEX party_group_uk ON public.party USING btree (group_org_id) WHERE ((status)::text = 'ACTIVE'::text);

CREATE UNIQUE INDEX party_id_number_uk ON public.party USING btree (id_number_hash) WHERE ((status)::text = 'ACTIVE'::text);

CREATE INDEX party_leader_enterprise_ix ON public.party_leader USING btree (enterprise_id);

CREATE INDEX party_merged_into_ix ON public.party USING btree (merged_into) WHERE (merged_into IS NOT NULL);

CREATE INDEX party_name_key_ix ON public.party USING btree (region_code, name_key);

CREATE INDEX region_code_prefix_ix ON public.region USING btree (code varchar_pattern_ops);

CREATE INDEX region_level_ix ON public.region USING btree (level, code varchar_pattern_ops);

CREATE INDEX region_parent_ix ON public.region USING btree (parent_code);

CREATE INDEX service_case_filed_ix ON public.service_case USING btree (filed_at DESC, id DESC);

CREATE INDEX service_case_open_ix ON public.service_case USING btree (org_path varchar_pattern_ops) WHERE ((state)::text = ANY ((ARRAY['SUBMITTED'::character varying, 'ACCEPTED'::character varying, 'IN_PROGRESS'::character varying])::text[]));

CREATE INDEX service_case_party_ix ON public.service_case USING btree (party_id);

CREATE INDEX service_case_scope_ix ON public.service_case USING btree (org_path varchar_pattern_ops, filed_at) INCLUDE (kind, category, state, accept_due_on, resolve_due_on, closed_at, rating, amount_recovered_fen, mediation_result, transfers);

CREATE UNIQUE INDEX spring_session_ix1 ON public.spring_session USING btree (session_id);

CREATE INDEX spring_session_ix2 ON public.spring_session USING btree (expiry_time);

CREATE INDEX spring_session_ix3 ON public.spring_session USING btree (principal_name);

CREATE INDEX user_account_org_ix ON public.user_account USING btree (org_id);

CREATE UNIQUE INDEX user_account_username_uk ON public.user_account USING btree (lower((username)::text));

CREATE INDEX visit_party_ix ON public.visit USING btree (party_id);

CREATE INDEX visit_scope_ix ON public.visit USING btree (org_path varchar_pattern_ops, plan_year, plan_quarter);

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_is_append_only();

CREATE TRIGGER audit_log_no_update BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.audit_log_is_append_only();

CREATE TRIGGER dues_bill_tally_insert AFTER INSERT ON public.dues_bill REFERENCING NEW TABLE AS new_bills FOR EACH STATEMENT EXECUTE FUNCTION public.dues_tally_inserted();

CREATE TRIGGER dues_bill_tally_update AFTER UPDATE ON public.dues_bill REFERENCING OLD TABLE AS old_bills NEW TABLE AS new_bills FOR EACH STATEMENT EXECUTE FUNCTION public.dues_tally_updated();

CREATE TRIGGER membership_copy_party BEFORE INSERT OR UPDATE OF party_id ON public.membership FOR EACH ROW EXECUTE FUNCTION public.membership_copy_party();

CREATE TRIGGER membership_tally_delete AFTER DELETE ON public.membership REFERENCING OLD TABLE AS old_memberships FOR EACH STATEMENT EXECUTE FUNCTION public.member_tally_deleted();

CREATE TRIGGER membership_tally_insert AFTER INSERT ON public.membership REFERENCING NEW TABLE AS new_memberships FOR EACH STATEMENT EXECUTE FUNCTION public.member_tally_inserted();

CREATE TRIGGER membership_tally_update AFTER UPDATE ON public.membership REFERENCING OLD TABLE AS old_memberships NEW TABLE AS new_memberships FOR EACH STATEMENT EXECUTE FUNCTION public.member_tally_updated();

CREATE TRIGGER party_copy_to_memberships AFTER UPDATE OF name, kind, enterprise_kind, industry_code, region_code, out_of_town, high_tech ON public.party FOR EACH ROW WHEN (((((((((old.name)::text IS DISTINCT FROM (new.name)::text) OR ((old.kind)::text IS DISTINCT FROM (new.kind)::text)) OR ((old.enterprise_kind)::text IS DISTINCT FROM (new.enterprise_kind)::text)) OR ((old.industry_code)::text IS DISTINCT FROM (new.industry_code)::text)) OR ((old.region_code)::text IS DISTINCT FROM (new.region_code)::text)) OR (old.out_of_town IS DISTINCT FROM new.out_of_town)) OR (old.high_tech IS DISTINCT FROM new.high_tech))) EXECUTE FUNCTION public.party_copy_to_memberships();

CREATE TRIGGER party_tally_update AFTER UPDATE ON public.party REFERENCING OLD TABLE AS old_parties NEW TABLE AS new_parties FOR EACH STATEMENT EXECUTE FUNCTION public.member_tally_party_updated();

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.user_account(id);

ALTER TABLE ONLY public.case_attachment
    ADD CONSTRAINT case_attachment_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.service_case(id);

ALTER TABLE ONLY public.case_holder
    ADD CONSTRAINT case_holder_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.service_case(id);

ALTER TABLE ONLY public.case_holder
    ADD CONSTRAINT case_holder_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.case_step
    ADD CONSTRAINT case_step_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.service_case(id);

ALTER TABLE ONLY public.case_step
    ADD CONSTRAINT case_step_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.case_step
    ADD CONSTRAINT case_step_target_org_id_fkey FOREIGN KEY (target_org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.case_time_limit
    ADD CONSTRAINT case_time_limit_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.dues_bill
    ADD CONSTRAINT dues_bill_membership_id_fkey FOREIGN KEY (membership_id) REFERENCES public.membership(id);

ALTER TABLE ONLY public.dues_billing_run
    ADD CONSTRAINT dues_billing_run_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.dues_entry
    ADD CONSTRAINT dues_entry_bill_id_fkey FOREIGN KEY (bill_id) REFERENCES public.dues_bill(id);

ALTER TABLE ONLY public.dues_entry
    ADD CONSTRAINT dues_entry_corrects_id_fkey FOREIGN KEY (corrects_id) REFERENCES public.dues_entry(id);

ALTER TABLE ONLY public.dues_entry
    ADD CONSTRAINT dues_entry_membership_id_fkey FOREIGN KEY (membership_id) REFERENCES public.membership(id);

ALTER TABLE ONLY public.dues_entry
    ADD CONSTRAINT dues_entry_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.dues_policy
    ADD CONSTRAINT dues_policy_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.dues_receipt_counter
    ADD CONSTRAINT dues_receipt_counter_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.dues_schedule
    ADD CONSTRAINT dues_schedule_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.dues_tally
    ADD CONSTRAINT dues_tally_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.industry
    ADD CONSTRAINT industry_section_fkey FOREIGN KEY (section) REFERENCES public.industry(code);

ALTER TABLE ONLY public.join_application
    ADD CONSTRAINT join_application_industry_code_fkey FOREIGN KEY (industry_code) REFERENCES public.industry(code);

ALTER TABLE ONLY public.join_application
    ADD CONSTRAINT join_application_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.join_application
    ADD CONSTRAINT join_application_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.join_application
    ADD CONSTRAINT join_application_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.region(code);

ALTER TABLE ONLY public.leadership_term
    ADD CONSTRAINT leadership_term_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.mediation_party
    ADD CONSTRAINT mediation_party_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.service_case(id);

ALTER TABLE ONLY public.mediation_party
    ADD CONSTRAINT mediation_party_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.mediation_session
    ADD CONSTRAINT mediation_session_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.service_case(id);

ALTER TABLE ONLY public.member_account
    ADD CONSTRAINT member_account_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.user_account(id);

ALTER TABLE ONLY public.member_account
    ADD CONSTRAINT member_account_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.member_job
    ADD CONSTRAINT member_job_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.user_account(id);

ALTER TABLE ONLY public.member_job
    ADD CONSTRAINT member_job_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.member_tally
    ADD CONSTRAINT member_tally_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.region(code);

ALTER TABLE ONLY public.party_change_proposal
    ADD CONSTRAINT party_change_proposal_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.party_change_proposal
    ADD CONSTRAINT party_change_proposal_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.party_contact
    ADD CONSTRAINT party_contact_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.party_contact
    ADD CONSTRAINT party_contact_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.party
    ADD CONSTRAINT party_group_org_id_fkey FOREIGN KEY (group_org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.party
    ADD CONSTRAINT party_industry_code_fkey FOREIGN KEY (industry_code) REFERENCES public.industry(code);

ALTER TABLE ONLY public.party_leader
    ADD CONSTRAINT party_leader_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.party_leader
    ADD CONSTRAINT party_leader_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.party
    ADD CONSTRAINT party_merged_into_fkey FOREIGN KEY (merged_into) REFERENCES public.party(id);

ALTER TABLE ONLY public.party
    ADD CONSTRAINT party_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.region(code);

ALTER TABLE ONLY public.region
    ADD CONSTRAINT region_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.region(code);

ALTER TABLE ONLY public.service_case
    ADD CONSTRAINT service_case_handler_account_id_fkey FOREIGN KEY (handler_account_id) REFERENCES public.user_account(id);

ALTER TABLE ONLY public.service_case
    ADD CONSTRAINT service_case_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.service_case
    ADD CONSTRAINT service_case_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);

ALTER TABLE ONLY public.service_case
    ADD CONSTRAINT service_case_transfer_to_org_id_fkey FOREIGN KEY (transfer_to_org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.service_case
    ADD CONSTRAINT service_case_visit_id_fkey FOREIGN KEY (visit_id) REFERENCES public.visit(id);

ALTER TABLE ONLY public.spring_session_attributes
    ADD CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES public.spring_session(primary_id) ON DELETE CASCADE;

ALTER TABLE ONLY public.user_account
    ADD CONSTRAINT user_account_org_fk FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.user_account_role
    ADD CONSTRAINT user_account_role_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.user_account(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.visit
    ADD CONSTRAINT visit_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organization(id);

ALTER TABLE ONLY public.visit
    ADD CONSTRAINT visit_party_id_fkey FOREIGN KEY (party_id) REFERENCES public.party(id);


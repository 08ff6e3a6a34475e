-- ShedLock's lock table (issue 23): a scheduled task takes its row before running, so with several
-- instances each schedule runs once. Times are UTC from the database's clock (usingDbTime), so the
-- instances' own clocks do not matter.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

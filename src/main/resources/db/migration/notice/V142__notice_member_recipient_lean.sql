-- A province-wide notice stores ~760,000 member recipient rows in one statement (issue 20's goal:
-- resolved and stored within 10 s). Each row paid for three indexes and a foreign-key check; now
-- it pays for two indexes and none:
-- * the board's per-organisation index goes: the board reads notice_member_tally, and an
--   organisation's drill-down finds its members through the member module's index on the
--   membership's organisation and then each recipient row by its primary key;
-- * the foreign key to notice goes: the rows are written only by NoticeSending, in the transaction
--   that stores their notice, and notices are withdrawn, never deleted.
-- The rows are inserted in party order, so the primary key (notice_id, party_id) is appended at its
-- right edge and the inbox index (party_id, notice_id) is walked once in order.
drop index notice_member_board_ix;
alter table notice_member_recipient drop constraint notice_member_recipient_notice_id_fkey;

-- Policy search speed (issue 20: p95 ≤ 100 ms over 100,000 policies; decision 0040 amended).
-- A one-character keyword (税) scanned every text: the grams now also keep each character, so it
-- is one exact probe of the GIN index like a two-character one. New policies get them from
-- SearchGrams; existing ones from the characters of their bigrams (so a character standing alone
-- between punctuation in a policy stored before this migration is not found by itself).
-- (An index in the list's order, issued_on desc, was tried with this and left out: it made the
-- planner walk the newest policies for a keyword combined with an industry and a region, p95 230 ms
-- against 44–90 ms without it; see docs/benchmarks.md.)
update policy p set search_grams = p.search_grams || array(
    select distinct u from (select substr(g, 1, 1) as u from unnest(p.search_grams) g
                            union select substr(g, 2, 1) from unnest(p.search_grams) g) c
    where u <> '' and not (u = any(p.search_grams)));

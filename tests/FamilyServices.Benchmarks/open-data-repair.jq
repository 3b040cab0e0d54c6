# Used by run-open-data-benchmark.sh only when `catalogue import` refuses the export of Benchstadt: removes exactly
# the two kinds of problem the import reported on 2026-12-07 (see docs/performance.md), so the import's writing can
# still be timed on the full catalogue. Not a fix: the round trip itself must work without it.
# 1. a `partner` attribute naming an organisation (by code) that appears nowhere in the dataset: dropped;
# 2. a service with no organization_id (no public offering, no partner): given the first organisation of the dataset.
([.[] | .organization | select(. != null)] | unique_by(.id)) as $organisations
| ([$organisations[] | .attributes[]? | select(.taxonomy_term.code == "code") | .value] | unique) as $codes
| map(
    .attributes |= map(select(.taxonomy_term.code != "partner" or (.value as $v | $codes | index($v))))
    | if .organization_id == null then .organization_id = $organisations[0].id | .organization = $organisations[0] else . end)

-- 0008: erasure and retention of children's data without changing closed years' reach figures (decision 0009).
--
-- Before a child is deleted, their reach_children rows of closed periods are re-keyed to a fresh negative id from this
-- sequence: one per erased child, the same for all their closed rows, so the distinct count over several closed
-- years still counts them once. The number says nothing about the child: it is not derived from their participant id,
-- and nothing else in the database holds it.
CREATE SEQUENCE reach_erased_child_ids AS integer START WITH 1 INCREMENT BY 1 NO CYCLE;

-- At most one pending run per transformation, enforced by the database so that it holds across server nodes:
-- a pending run carries its transformation's id in pending_for (NULL once it starts, ends or is canceled), and
-- NULLs do not collide in a unique constraint on H2 or PostgreSQL.
ALTER TABLE transformation_runs ADD COLUMN pending_for VARCHAR(64);
UPDATE transformation_runs SET pending_for = transformation_id WHERE status = 'PENDING';
ALTER TABLE transformation_runs ADD CONSTRAINT transformation_runs_one_pending UNIQUE (pending_for);

# Crash safety of a sharded database (tests/e2e/kill_resume.sh's kill points, on 2 shards): SIGKILL
# at 20 points (random times, and moments when a shard writer is inside a commit's fsync); after
# each kill every shard passes xapian-check and holds exactly a prefix of its own articles (those
# whose id hashes to it) in input order, the stub opens them as one database, and nothing
# committed before is lost (db_prefix.py --shards). The shards commit each epoch in parallel, so a kill
# can leave them one epoch apart: the ingestion state, kept in every shard, then differs between
# them and the next run reads the input again. Each run resumes the previous one; the same command
# run to the end holds every article once, and a re-run reads nothing. KILL_SEED=N repeats a run.
# The script is kill_resume.sh's, on 2 shards; at the end it also compares answers with a single
# database of the same input.
KILL_SHARDS=2 exec bash "$(dirname "$0")/kill_resume.sh"

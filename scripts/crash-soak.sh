#!/usr/bin/env bash
# The crash-safety harness at 200 SIGKILL points (CI runs 20). Optional: POINTS=n SEED=s.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
mvn -q -B -pl cli test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtributary.crash.points="${POINTS:-200}" ${SEED:+-Dtributary.crash.seed=$SEED}
grep -h "crash safety:" cli/target/surefire-reports/*CrashSafetyTest-output.txt 2>/dev/null || true

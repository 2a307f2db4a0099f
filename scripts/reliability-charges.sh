#!/usr/bin/env bash
# Run on a stack started with ./suite up from this checkout: ./scripts/reliability-charges.sh (OUTAGE=300 default)
# Issue 10 by-hand run: point charges confirmed while the Kafka broker is down for OUTAGE seconds, then a kill -9 of
# payment-service mid-flow. Prints what it did and the checks.
set -u
G=http://127.0.0.1:8080
OUTAGE=${OUTAGE:-300}
DIR=$(cd "$(dirname "$0")/.." && pwd)
tok() { curl -s -X POST $G/auth/dev-token -H 'Content-Type: application/json' -d "{\"user_id\":\"$1\",\"roles\":[\"$2\"]}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
charge() { # user n -> charge id
  local t; t=$(tok "$1" USER)
  local id; id=$(curl -s -X POST $G/v1/points/charges -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
       -H "Idempotency-Key: rel-create-$2" -d '{"amount":10000}' | sed 's/.*"id":"\([0-9]*\)".*/\1/')
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' -X POST $G/v1/points/charges/$id/confirm -H "Authorization: Bearer $t" \
       -H 'Content-Type: application/json' -H "Idempotency-Key: rel-confirm-$2" -d "{\"payment_key\":\"pk_approve_rel$2_$RANDOM\"}")
  echo "$1 $id $code"
}
: > $DIR/.suite/reliability-charges.txt
echo "$(date +%T) baseline: 5 charges with the broker up"
for n in 1 2 3 4 5; do charge $((3000 + n)) "a$n" >> $DIR/.suite/reliability-charges.txt; done
KPID=$(cat $DIR/.suite/pids/kafka.pid 2>/dev/null || pgrep -f LocalKafkaBroker | head -1)
echo "$(date +%T) kill -9 Kafka broker (pid $KPID), outage ${OUTAGE}s, confirming charges meanwhile"
kill -9 "$KPID"
end=$(( $(date +%s) + OUTAGE )); n=0
while [ "$(date +%s)" -lt "$end" ]; do n=$((n+1)); charge $((3100 + n % 7)) "b$n" >> $DIR/.suite/reliability-charges.txt; sleep 10; done
echo "$(date +%T) $n charges confirmed during the outage; answers: $(awk '$3!=""{print $3}' $DIR/.suite/reliability-charges.txt | sort | uniq -c | tr '\n' ' ')"
echo "$(date +%T) restarting the broker: ./suite up"
(cd $DIR && ./suite up > $DIR/.suite/reliability-up2.log 2>&1); tail -2 /tmp/rel-up2.log
echo "$(date +%T) kill -9 payment-service mid-flow"
for n in 1 2 3 4 5; do charge $((3200 + n)) "c$n" >> $DIR/.suite/reliability-charges.txt; done
PPID2=$(cat $DIR/.suite/pids/payment-service.pid 2>/dev/null); kill -9 "$PPID2"
for n in 6 7 8 9 10; do charge $((3200 + n)) "c$n" >> $DIR/.suite/reliability-charges.txt; done
(cd $DIR && ./suite up > $DIR/.suite/reliability-up3.log 2>&1); tail -2 /tmp/rel-up3.log
echo "$(date +%T) waiting for every charge to settle"
ids=$(awk '{print $2}' "$DIR/.suite/reliability-charges.txt" | paste -sd,)
for i in $(seq 1 120); do
  pending=$(mariadb -uroot -N -e "SELECT COUNT(*) FROM point_service.point_charge_requests WHERE charge_request_id IN ($ids) AND status NOT IN ('COMPLETED','FAILED')")
  [ "$pending" = "0" ] && break; sleep 5
done
echo "charges by status:";  mariadb -uroot -N -e "SELECT status, COUNT(*) FROM point_service.point_charge_requests WHERE charge_request_id IN ($ids) GROUP BY status"
echo "payments per charge other than 1 (none expected):"
mariadb -uroot -N -e "SELECT reference_id, COUNT(*) n FROM payment_service.payments WHERE reference_id IN ($ids) GROUP BY reference_id HAVING n <> 1"
echo "ledger rows with balance_before + amount <> balance_after: $(mariadb -uroot -N -e "SELECT COUNT(*) FROM point_service.point_transactions WHERE balance_before + amount <> balance_after")"
echo "wallets whose balance is not the sum of their rows: $(mariadb -uroot -N -e "SELECT COUNT(*) FROM point_service.point_balances b WHERE b.balance <> (SELECT COALESCE(SUM(t.amount),0) FROM point_service.point_transactions t WHERE t.user_id=b.user_id)")"
for db in point_service payment_service; do
  echo "$db outbox pending/failed: $(mariadb -uroot -N -e "SELECT CONCAT(SUM(status='PENDING'),'/',SUM(status='FAILED')) FROM $db.outbox_event")"
done
A=$(tok 1 ADMIN)
for p in 8082 8084; do echo "dead letters on :$p: $(curl -s "http://127.0.0.1:$p/v1/admin/messaging/dead-letters?limit=500" -H "Authorization: Bearer $A" | grep -o '"message_id"' | wc -l)"; done

#!/usr/bin/env bash
# Brings PublicAPI.Unshipped.txt in line with the code: drops entries for symbols that no longer exist (RS0017)
# and adds every new public symbol with the analyzer's own code fix (RS0016). Review the diff: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/CustomerJourney/CustomerJourney.csproj src/CustomerJourney.Json/CustomerJourney.Json.csproj src/CustomerJourney.DependencyInjection/CustomerJourney.DependencyInjection.csproj)
for p in "${projects[@]}"; do
  dir=$(dirname "$p")
  # RS0017: remove the stale lines the analyzer names.
  dotnet build "$p" -f netstandard2.0 -v q -clp:NoSummary 2>/dev/null | grep -o "RS0017: Symbol '.*' is part of the declared API" \
    | sed -e "s/^RS0017: Symbol '//" -e "s/' is part of the declared API\$//" | sort -u > /tmp/cj-stale-api.txt || true
  if [ -s /tmp/cj-stale-api.txt ]; then
    grep -vxF -f /tmp/cj-stale-api.txt "$dir/PublicAPI.Unshipped.txt" > "$dir/PublicAPI.Unshipped.txt.tmp" || true
    mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  fi
  dotnet format analyzers "$p" --diagnostics RS0016 --severity warn -v q || true
  f="$dir/PublicAPI.Unshipped.txt"
  # Keep the file stable: header first, then sorted lines, so merges and diffs stay small.
  { echo '#nullable enable'; grep -v -e '^#nullable enable' -e '^$' "$f" | LC_ALL=C sort -u || true; } > "$f.tmp"
  mv "$f.tmp" "$f"
done

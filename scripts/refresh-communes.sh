#!/usr/bin/env bash
# Refreshes the vendored French communes, departments and regions from the npm package
# @etalab/decoupage-administratif (MIT). Needs node and npm; writes src/main/resources/reference/communes/.
set -euo pipefail
version="${1:-6.0.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/main/resources/reference/communes"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@etalab/decoupage-administratif@$version" > /dev/null
tar xzf etalab-decoupage-administratif-*.tgz
mkdir -p "$out"
cp package/LICENSE "$out/LICENSE"
node - "$out" "$version" <<'JS'
const fs = require('fs');
const [out, version] = process.argv.slice(2);
const read = (name) => JSON.parse(fs.readFileSync(`package/data/${name}.json`, 'utf8'));
const clean = (s) => String(s ?? '').replace(/[\t\n]/g, ' ');
const communes = read('communes')
  .map((c) => [c.code, clean(c.nom), c.type, c.departement ?? '', c.region ?? '', c.population ?? '', (c.codesPostaux ?? []).join(',')].join('\t'));
fs.writeFileSync(`${out}/communes.tsv`, `# @etalab/decoupage-administratif ${version}: code\tnom\ttype\tdepartement\tregion\tpopulation\tcodesPostaux\n` + communes.join('\n') + '\n');
const departements = read('departements').map((d) => [d.code, clean(d.nom), d.region].join('\t'));
fs.writeFileSync(`${out}/departements.tsv`, `# code\tnom\tregion\n` + departements.join('\n') + '\n');
const regions = read('regions').map((r) => [r.code, clean(r.nom)].join('\t'));
fs.writeFileSync(`${out}/regions.tsv`, `# code\tnom\n` + regions.join('\n') + '\n');
JS
gzip -9 -f "$out/communes.tsv"
echo "communes $(zcat "$out/communes.tsv.gz" | tail -n +2 | wc -l) written to $out"

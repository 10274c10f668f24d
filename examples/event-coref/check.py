#!/usr/bin/env python3
"""Score an analyze JSON report against gold.tsv: for each gold row, is there an
event in that article with the gold source, root, target and date?

  storyline analyze articles.jsonl --db /tmp/ec.db --json /tmp/ec.json
  python3 check.py gold.tsv /tmp/ec.json [-v]

Source and target may be swapped for symmetric roots (04, 05, 06). Target '-'
means the event has no target. -v also lists the article's events on a miss."""
import csv, json, sys

SYMMETRIC = {'04', '05', '06'}

def main():
    args = [a for a in sys.argv[1:] if a != '-v']
    verbose = '-v' in sys.argv
    gold_path, report_path = (args + ['gold.tsv', 'ec.json'])[:2]
    report = json.load(open(report_path))
    events = {}
    for a in report['articles']:
        key = a.get('source_id') or a.get('id')
        events[key] = [(e['source']['code'], e['root'],
                        (e.get('target') or {}).get('code') or '-',
                        (e.get('date') or {}).get('value') or '-', e['code'])
                       for e in a.get('events', [])]
    rows = list(csv.DictReader(open(gold_path), delimiter='\t'))
    found = 0
    for g in rows:
        want = (g['source'], g['root'], g['target'], g['date'])
        swap = (g['target'], g['root'], g['source'], g['date'])
        evs = events.get(g['article'], [])
        ok = any(e[:4] == want or (g['root'] in SYMMETRIC and e[:4] == swap) for e in evs)
        found += ok
        print('%s %s %s %s %s %s %s' % ('ok  ' if ok else 'MISS', g['article'], g['event'],
                                        g['source'], g['root'], g['target'], g['date']))
        if verbose and not ok:
            for e in evs:
                print('        got %s %s(%s) %s %s' % (e[0], e[4], e[1], e[2], e[3]))
    print('recovered %d of %d gold rows (%.0f%%)' % (found, len(rows), 100.0 * found / max(1, len(rows))))

if __name__ == '__main__':
    main()

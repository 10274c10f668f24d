// chrono_tag.mjs: runs chrono-node over documents and writes its dates as
// TIMEX3 types and values, so that storyline's scorer can compare them with
// the gold ones (eval/README.md).
//
//   node chrono_tag.mjs [--repeat N] < jobs.jsonl > results.jsonl
//
// Input, one JSON object a line: {"id": "...", "text": "...", "dct": "YYYY-MM-DD" | null}.
// Output, one line per input line (a line that is not JSON is reported on
// stderr and skipped), in order:
//   {"id": "...", "timexes": [{"begin": B, "end": E, "type": "DATE", "value": "1998-02-17"}],
//    "bytes": UTF-8 bytes parsed, "cpu_seconds": process CPU time spent in chrono.parse}
// begin/end are UTF-8 byte offsets into text (JavaScript indexes UTF-16 units).
// --repeat N parses each text N times (results of the first), all of them timed.
//
// chrono resolves every expression to a full date and time and says which
// components the text stated ("certain") and which it filled in from the
// reference date. The value keeps the finest stated unit:
//   hour stated            TIME  YYYY-MM-DDTHH:MM   ("10:53 a.m. Tuesday")
//   day or weekday stated  DATE  YYYY-MM-DD         ("yesterday", "on Monday")
//   month stated           DATE  YYYY-MM            ("in July")
//   year stated            DATE  YYYY               ("last year")
//   nothing stated         DATE  YYYY-MM-DD         ("this morning": chrono's day)
// chrono has no durations or sets; a range ("Monday to Friday") is one
// expression valued by its start.
import * as readline from "node:readline";
import * as chrono from "chrono-node";

const pad = (number, width) => String(number).padStart(width, "0");

function Timex3(components) {
  const get = (unit) => components.get(unit);
  const stated = (unit) => components.isCertain(unit);
  const day = `${pad(get("year"), 4)}-${pad(get("month"), 2)}-${pad(get("day"), 2)}`;
  if (stated("hour")) {
    return { type: "TIME", value: `${day}T${pad(get("hour"), 2)}:${pad(get("minute"), 2)}` };
  }
  if (stated("day") || stated("weekday")) return { type: "DATE", value: day };
  if (stated("month")) return { type: "DATE", value: day.slice(0, 7) };
  if (stated("year")) return { type: "DATE", value: day.slice(0, 4) };
  return { type: "DATE", value: day };
}

// Noon UTC of the document creation day, so that the day never shifts;
// chrono's own default (now) when the document has none.
function Reference(dct) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(dct ?? "");
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  return { instant: new Date(Date.UTC(year, month - 1, day, 12)), timezone: 0 };
}

function CpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function Tag(job, repeat) {
  const text = String(job.text ?? "");
  const reference = Reference(job.dct);
  const start = CpuSeconds();
  const results = chrono.parse(text, reference);
  for (let pass = 1; pass < repeat; ++pass) chrono.parse(text, reference);
  const cpuSeconds = CpuSeconds() - start;
  const timexes = results.map((result) => {
    const begin = Buffer.byteLength(text.slice(0, result.index));
    const end = begin + Buffer.byteLength(result.text);
    return { begin, end, ...Timex3(result.start) };
  });
  timexes.sort((a, b) => a.begin - b.begin);
  return { id: job.id, timexes, bytes: Buffer.byteLength(text) * repeat, cpu_seconds: cpuSeconds };
}

function Main() {
  const at = process.argv.indexOf("--repeat");
  const repeat = at >= 0 ? Math.max(1, Number.parseInt(process.argv[at + 1], 10) || 1) : 1;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    let job;
    try {
      job = JSON.parse(line);
    } catch (error) {
      process.stderr.write(`chrono_tag: skipping a line that is not JSON: ${error.message}\n`);
      return;
    }
    process.stdout.write(JSON.stringify(Tag(job, repeat)) + "\n");
  });
}

Main();

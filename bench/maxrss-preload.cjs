// Loaded with `node --require` when /usr/bin/time is absent: at exit, writes this process's
// peak resident set size (KiB, the kernel's ru_maxrss) to $BENCH_MAXRSS_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_MAXRSS_FILE;
  if (file) writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});

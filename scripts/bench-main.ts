// `npm run bench`: the supplier search benchmark (then the queue benchmark); with --intake the
// intake throughput benchmark instead (scripts/bench-intake.ts).
if (process.argv.includes('--intake')) await import('./bench-intake');
else {
  process.argv.push('--with-queue');
  await import('./bench-suppliers');
}

export {};

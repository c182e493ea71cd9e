process.stderr.write('newsmark: not built yet\n');
process.exit(2);

/** Saves 8 MiB files over one path, alternately all "a" and all "b", until killed (atomic-write.test.ts). */
import { writeFileAtomic } from '../../../src-main/files/atomic-write';

const [file] = process.argv.slice(2);
const versions = ['a', 'b'].map((letter) => letter.repeat(8 * 1024 * 1024));
for (let i = 1; ; i++) await writeFileAtomic(file, versions[i % 2]);

// A worker thread's share of a parse: read and parse the files it is given, send back plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFile, type Role } from './prepare.js';

const { root, files } = workerData as { root: string; files: { rel: string; role: Role }[] };
parentPort!.postMessage(files.map((f) => prepareFile(root, f.rel, f.role)));

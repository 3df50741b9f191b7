// A parsing thread: reads and parses each batch of files it is sent, and sends back plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { packPrepared, prepareFile, type Role } from './prepare.js';

const { root } = workerData as { root: string };
parentPort!.on('message', (files: { rel: string; role: Role }[] | null) => {
  if (files === null) {
    parentPort!.close();
    return;
  }
  parentPort!.postMessage(files.map((f) => packPrepared(prepareFile(root, f.rel, f.role))));
});

// The language server's entry point: `node server/dist/server.js --stdio` (or --node-ipc,
// as the VS Code client starts it). The wiring lives in ./lsp, the analysis in ./engine.
import { createConnection } from 'vscode-languageserver/node';
import * as engine from './engine';
import { startServer } from './lsp/startServer';

startServer(createConnection(), engine);

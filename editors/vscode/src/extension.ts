// The waflow extension: starts `waflow server` (from the `waflow.path` setting, or
// `waflow` on PATH) and connects VS Code to it over stdio. Everything else (which files
// are flows, waflow.toml, the diagnostics) is the server's: this file only starts it.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverOptions(): ServerOptions {
  const config = vscode.workspace.getConfiguration("waflow");
  const configured = config.get<string>("path", "").trim();
  const command = configured.length > 0 ? configured : "waflow";
  return {
    command,
    args: ["server"],
    transport: TransportKind.stdio,
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("waflow");
  const clientOptions: LanguageClientOptions = {
    // JSON files only; the server decides which of them are flows (waflow.toml's
    // `include`, or a root with `version` and `screens`).
    documentSelector: [
      { scheme: "file", language: "json" },
      { scheme: "file", language: "jsonc" },
      { scheme: "untitled", language: "json" },
    ],
    synchronize: {
      // The server also registers this watcher itself; declaring it here covers
      // clients without dynamic registration.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/waflow.toml"),
    },
    initializationOptions: {
      diagnosticDelay: config.get<number>("diagnosticDelay", 50),
    },
  };
  client = new LanguageClient("waflow", "waflow", serverOptions(), clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `waflow: could not start \`waflow server\` (${message}). Install waflow ` +
        "(cargo install --locked --git https://github.com/waflow/waflow waflow-cli) " +
        "or set waflow.path.",
    );
  }
  context.subscriptions.push(client);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("waflow.restart", async () => {
      if (client) {
        await client.stop();
      }
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("waflow")) {
        await vscode.commands.executeCommand("waflow.restart");
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}

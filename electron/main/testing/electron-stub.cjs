// A stand-in for the `electron` module, so dist/electron/main.cjs runs under plain Node:
//   node --require electron/main/testing/electron-stub.cjs dist/electron/main.cjs [clip]
// It records what the main process registers (IPC handlers, protocol handlers, windows, events
// sent to the page) and, once the window exists, runs the script named by VSS_STUB_DRIVER
// (a CommonJS module exporting `async (stub) => result`); the result is printed as one JSON
// line prefixed "STUB-RESULT " and the process exits. Used by electron/main/main-stub.test.ts.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { dirname, join } = require('node:path');
const { tmpdir } = require('node:os');

const state = { ipc: new Map(), protocols: new Map(), windows: [], sent: [], app: new EventEmitter(), privileged: [], menus: 0, menu: [], recentDocuments: [], messageBoxes: [], shownInFolder: [] };

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.url = '';
  }
  send(channel, ...args) {
    state.sent.push({ channel, args });
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    state.windows.push(this);
  }
  loadURL(url) {
    this.webContents.url = url;
    return Promise.resolve();
  }
  show() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

const app = Object.assign(state.app, {
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => true,
  quit: () => undefined,
  exit: (code) => process.exit(code),
  getVersion: () => '0.0.0-stub',
  getAppPath: () => dirname(process.argv[1] ?? '.'), // what Electron reports for `electron <file>`
  getName: () => 'VSS Studio',
  getPath: (name) => join(process.env.VSS_STUB_USER_DATA ?? join(tmpdir(), 'vss-stub-user-data'), name === 'userData' ? '' : name),
  addRecentDocument: (path) => void state.recentDocuments.push(path),
  clearRecentDocuments: () => void (state.recentDocuments = []),
  isPackaged: false,
});

const electron = {
  app,
  BrowserWindow,
  ipcMain: {
    handle: (channel, fn) => state.ipc.set(channel, fn),
    removeHandler: (channel) => state.ipc.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => state.privileged.push(...schemes),
    handle: (scheme, fn) => state.protocols.set(scheme, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    },
  },
  Menu: {
    buildFromTemplate: (t) => t,
    setApplicationMenu: (m) => {
      state.menus++;
      state.menu = m;
    },
  },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async (...args) => {
      state.messageBoxes.push(args[args.length - 1]);
      return { response: 0 };
    },
  },
  shell: { openExternal: async () => undefined, showItemInFolder: (p) => state.shownInFolder.push(p) },
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron;
  return load.call(this, request, parent, isMain);
};

/** Clicks the application menu item at a label path, e.g. clickMenu('&Edit', 'Undo') ('&' marks are ignored). */
state.clickMenu = (...labels) => {
  let items = state.menu;
  let hit;
  for (const label of labels) {
    hit = (items || []).find((i) => (i.label || '').replace('&', '') === label.replace('&', ''));
    if (!hit) throw new Error(`no menu item ${labels.join(' › ')}`);
    items = hit.submenu;
  }
  hit.click();
};

/** Calls an IPC request the way the preload does, from the main window's page (or another sender). */
state.invoke = async (name, req, sender) => {
  const h = state.ipc.get(`vss:req:${name}`);
  if (!h) throw new Error(`no IPC handler for ${name}`);
  const win = state.windows[0];
  const event = sender ?? { sender: win.webContents, senderFrame: { url: 'app://renderer/index.html' } };
  return h(event, req);
};
/** Fetches a URL through a registered protocol handler (e.g. vss-frame://frames/v/0). */
state.fetch = (url, init) => {
  const h = state.protocols.get(new URL(url).protocol.replace(/:$/, ''));
  if (!h) throw new Error(`no protocol handler for ${url}`);
  return h(new Request(url, init));
};
/** Resolves with the first event sent to the page that matches. */
state.waitEvent = (name, pred = () => true, timeoutMs = 60000) =>
  new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      const hit = state.sent.find((s) => s.channel === 'vss:event' && s.args[0] === name && pred(s.args[1]));
      if (hit) return resolve(hit.args[1]);
      if (Date.now() - t0 > timeoutMs) return reject(new Error(`no ${name} event in ${timeoutMs} ms`));
      setTimeout(tick, 20);
    };
    tick();
  });

const driver = process.env.VSS_STUB_DRIVER;
if (driver) {
  const waitWindow = () => (state.windows.length > 0 ? Promise.resolve() : new Promise((r) => setTimeout(() => r(waitWindow()), 10)));
  waitWindow()
    .then(() => require(driver)(state))
    .then(
      async (result) => {
        for (const l of state.app.listeners('will-quit')) l();
        process.stdout.write(`STUB-RESULT ${JSON.stringify(result)}\n`);
        setTimeout(() => process.exit(0), 500).unref();
      },
      (e) => {
        process.stderr.write(`stub driver failed: ${e && e.stack ? e.stack : String(e)}\n`);
        process.exit(1);
      },
    );
}

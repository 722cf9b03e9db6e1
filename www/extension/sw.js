// Service worker: opens the side panel from the toolbar button, relays what
// the content script reads into chrome.storage.session for the panel, runs
// the "催付建议" context menu on selected chat text, and registers the
// content script on the sites the user granted for custom adapters.
const api = globalThis.browser ?? globalThis.chrome;
// Firefox loads adapters.js before this file; Chromium's worker imports it.
if (!globalThis.cuifuAdapters && typeof importScripts === 'function') importScripts('adapters.js');
const { presets } = globalThis.cuifuAdapters;
const SCRIPTS = ['adapters.js', 'content.js'];
const MENU_ID = 'cuifu-suggest';

function setUp() {
  api.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({
      id: MENU_ID,
      title: api.i18n.getMessage('menuSuggest') || '催付建议',
      contexts: ['selection']
    });
  });
  syncAdapters();
}

// Firefox has a sidebar instead of the side panel: the button toggles it.
if (!api.sidePanel && api.sidebarAction) api.action.onClicked.addListener(() => api.sidebarAction.toggle());

api.runtime.onInstalled.addListener(setUp);
api.runtime.onStartup.addListener(setUp);

api.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'page' && sender.tab) {
    // One record per tab: the panel shows only the active tab of its window.
    keep(sender, msg.page).then(() => reply({ ok: true }));
    return true;
  }
  if (msg.type === 'syncAdapters') {
    syncAdapters().then(() => reply({ ok: true }));
    return true;
  }
});

/**
 * Stores what one frame of a tab read. A page with several frames may run
 * the reader in more than one: a frame that found no chat never replaces
 * one that did.
 */
async function keep(sender, page) {
  const key = `tab:${sender.tab.id}`;
  const frameId = sender.frameId ?? 0;
  const old = (await api.storage.session.get(key))[key];
  const empty = (p) => !p || !p.health?.found;
  if (old && old.frameId !== frameId && !empty(old) && empty(page)) return;
  if (!page) return api.storage.session.remove(key);
  await api.storage.session.set({ [key]: { ...page, tabId: sender.tab.id, frameId, windowId: sender.tab.windowId, at: Date.now() } });
}

// A closed tab, or one that loads another page, no longer shows that chat.
api.tabs.onRemoved.addListener((tabId) => {
  api.storage.session.remove(`tab:${tabId}`).catch(() => {});
});
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') api.storage.session.remove(`tab:${tabId}`).catch(() => {});
});

api.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== MENU_ID) return;
  // Open first: the click is the user gesture sidePanel.open needs.
  const opening = api.sidePanel
    ? tab?.windowId != null && api.sidePanel.open({ windowId: tab.windowId }).catch(() => {})
    : api.sidebarAction?.open().catch(() => {});
  let text = info.selectionText || '';
  // selectionText loses line breaks; read the selection itself when allowed (activeTab).
  if (tab?.id != null && api.scripting) {
    try {
      const [res] = await api.scripting.executeScript({
        target: { tabId: tab.id, frameIds: info.frameId != null ? [info.frameId] : undefined },
        func: () => String(getSelection() || '')
      });
      if (res?.result && res.result.trim()) text = res.result;
    } catch {
      // Pages the extension may not script (chrome://, the web store): keep selectionText.
    }
  }
  await api.storage.session.set({ selection: { text: text.slice(0, 100000), url: tab?.url || '', at: Date.now() } });
  await opening;
});

api.storage.onChanged.addListener((changes, area) => {
  if ((area === 'sync' && changes.adapters) || (area === 'local' && changes.allowedSites)) syncAdapters();
});
api.permissions?.onAdded?.addListener((p) => {
  syncAdapters().then(() => p?.origins?.length && injectOpen(p.origins));
});
api.permissions?.onRemoved?.addListener(() => syncAdapters());

let syncing = Promise.resolve();

/** Registers the content script on every custom adapter's sites that the user granted (one run at a time). */
function syncAdapters() {
  syncing = syncing.then(registerAdapters, registerAdapters);
  return syncing;
}

/**
 * Registers the content script on the sites the user allowed: each built-in
 * site allowed from the panel (on first use there) whose host permission is
 * granted, and each enabled custom adapter's granted patterns.
 */
async function registerAdapters() {
  if (!api.scripting?.registerContentScripts) return;
  const { adapters = [] } = await api.storage.sync.get('adapters');
  const { allowedSites = [] } = await api.storage.local.get('allowedSites');
  const wanted = [];
  for (const a of presets()) {
    if (!a.origins || !allowedSites.includes(a.id)) continue;
    if (await api.permissions.contains({ origins: a.origins }).catch(() => false)) {
      wanted.push({ id: `site-${a.id}`, matches: a.matches.split(/\s+/), allFrames: !!a.allFrames });
    }
  }
  const seen = new Set();
  let i = 0;
  for (const a of Array.isArray(adapters) ? adapters : []) {
    if (!a || a.enabled === false) continue;
    for (const p of String(a.matches || '').split(/\s+/).filter(Boolean)) {
      if (seen.has(p)) continue;
      seen.add(p);
      try {
        if (await api.permissions.contains({ origins: [p] })) wanted.push({ id: `custom-${i++}`, matches: [p], allFrames: true });
      } catch {
        // Not a valid match pattern: the options page refuses to save it.
      }
    }
  }
  const old = await api.scripting.getRegisteredContentScripts().catch(() => []);
  const ids = old.map((c) => c.id).filter((x) => x.startsWith('custom-') || x.startsWith('site-'));
  if (ids.length) await api.scripting.unregisterContentScripts({ ids }).catch(() => {});
  // One registration per entry, so one bad pattern does not drop the others.
  for (const w of wanted) {
    await api.scripting.registerContentScripts([{ ...w, js: SCRIPTS, runAt: 'document_idle' }]).catch(() => {});
  }
  return wanted;
}

/** Runs the reader in the open tabs of a site just allowed (registered scripts only reach new pages). */
async function injectOpen(origins) {
  const tabs = await api.tabs.query({ url: origins }).catch(() => []);
  for (const t of tabs) {
    await api.scripting.executeScript({ target: { tabId: t.id, allFrames: true }, files: SCRIPTS }).catch(() => {});
  }
}

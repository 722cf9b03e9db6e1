// Service worker: opens the side panel from the toolbar button, relays what
// the content script reads into chrome.storage.session for the panel, runs
// the "催付建议" context menu on selected chat text, and registers the
// content script on the sites the user granted for custom adapters.
const api = globalThis.browser ?? globalThis.chrome;
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
    // The latest chat read from any tab; the panel follows it.
    const page = { ...msg.page, tabId: sender.tab.id, windowId: sender.tab.windowId, at: Date.now() };
    api.storage.session.set({ page }).then(() => reply({ ok: true }));
    return true;
  }
  if (msg.type === 'syncAdapters') {
    syncAdapters().then(() => reply({ ok: true }));
    return true;
  }
});

// Switching tabs: ask the newly active tab for its chat so the panel follows.
api.tabs.onActivated.addListener(({ tabId }) => {
  api.tabs.sendMessage(tabId, { type: 'resend' }).catch(() => {});
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
  if (area === 'sync' && changes.adapters) syncAdapters();
});
api.permissions?.onAdded?.addListener(() => syncAdapters());
api.permissions?.onRemoved?.addListener(() => syncAdapters());

let syncing = Promise.resolve();

/** Registers the content script on every custom adapter's sites that the user granted (one run at a time). */
function syncAdapters() {
  syncing = syncing.then(registerAdapters, registerAdapters);
  return syncing;
}

async function registerAdapters() {
  if (!api.scripting?.registerContentScripts) return;
  const { adapters = [] } = await api.storage.sync.get('adapters');
  const matches = new Set();
  for (const a of Array.isArray(adapters) ? adapters : []) {
    if (!a || a.enabled === false) continue;
    for (const p of String(a.matches || '').split(/\s+/).filter(Boolean)) {
      try {
        if (await api.permissions.contains({ origins: [p] })) matches.add(p);
      } catch {
        // Not a valid match pattern: the options page flags it.
      }
    }
  }
  const old = await api.scripting.getRegisteredContentScripts().catch(() => []);
  const ids = old.map((c) => c.id).filter((x) => x.startsWith('custom-'));
  if (ids.length) await api.scripting.unregisterContentScripts({ ids }).catch(() => {});
  // One registration per pattern, so one bad pattern does not drop the others.
  let i = 0;
  for (const p of matches) {
    await api.scripting
      .registerContentScripts([{ id: `custom-${i++}`, matches: [p], js: ['adapters.js', 'content.js'], runAt: 'document_idle' }])
      .catch(() => {});
  }
}

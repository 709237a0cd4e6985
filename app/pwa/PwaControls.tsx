/**
 * The PWA's small UI: a "new version — reload" prompt (applied by itself on a wallboard at a quiet
 * moment), an Install button where the browser offers install, and a one-line hint on iOS.
 */
import { useEffect, useState } from 'react';
import { registerServiceWorker } from './serviceWorker.ts';
import { whenQuiet } from './quietMoment.ts';
import { useStartupSettled } from './useStartupSettled.ts';
import { linkManifest } from './manifestLink.ts';
import { needsIosInstallHint, onInstallOffer, type BeforeInstallPromptEvent } from './installPrompt.ts';
import './pwa.css';

const IOS_HINT_DISMISSED = 'heatmap.iosHintDismissed';

export function PwaControls({ wallboard }: { wallboard: boolean }) {
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  const [installOffer, setInstallOffer] = useState<BeforeInstallPromptEvent | null>(null);
  const [iosHint, setIosHint] = useState(() => needsIosInstallHint() && localStorage.getItem(IOS_HINT_DISMISSED) !== '1');

  // Registered once start-up is over: the worker's install would compete with it (see there), and
  // so would the browser's installability check that the manifest's link sets off.
  const settled = useStartupSettled();
  useEffect(() => {
    if (!settled) return;
    linkManifest();
    return registerServiceWorker({ onUpdateReady: (apply) => setApplyUpdate(() => apply) });
  }, [settled]);
  useEffect(() => onInstallOffer(setInstallOffer), []);
  useEffect(() => (wallboard && applyUpdate ? whenQuiet(applyUpdate) : undefined), [wallboard, applyUpdate]);

  const install = async () => {
    if (!installOffer) return;
    await installOffer.prompt();
    setInstallOffer(null);
  };
  const dismissHint = () => {
    localStorage.setItem(IOS_HINT_DISMISSED, '1');
    setIosHint(false);
  };

  return (
    <>
      {applyUpdate && !wallboard && (
        <div className="pwa-toast" role="status" data-testid="update-prompt">
          <span>New version available</span>
          <button type="button" className="pwa-button" onClick={applyUpdate}>Reload</button>
          <button type="button" className="pwa-dismiss" aria-label="Later" onClick={() => setApplyUpdate(null)}>×</button>
        </div>
      )}
      {installOffer && !wallboard && (
        <button type="button" className="pwa-install" data-testid="install-button" onClick={() => void install()}>Install app</button>
      )}
      {iosHint && !wallboard && (
        <div className="pwa-hint" role="note">
          <span>Install: tap Share, then “Add to Home Screen”.</span>
          <button type="button" className="pwa-dismiss" aria-label="Dismiss install hint" onClick={dismissHint}>×</button>
        </div>
      )}
    </>
  );
}

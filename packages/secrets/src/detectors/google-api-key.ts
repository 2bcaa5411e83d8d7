import { defineDetector } from "../define-detector.js";
import { near } from "./shared.js";

/**
 * Google API key. Keys of Firebase web apps are meant to ship in client code (Google's Firebase
 * docs say so): they are reported as warnings (restrict them), not as leaked secrets.
 */
export default defineDetector({
  id: "google-api-key",
  name: "Google API key",
  description:
    "Google API key: `AIza` + 35 URL-safe characters, random-looking (no long runs or sequences, not bounded by `+`, `/` or `=` inside a base64 blob). In a Firebase app config (a web config next to `authDomain`, an Android `google-services.json` `current_key`, an iOS `GoogleService-Info.plist`) it is a warning: those keys are public by design and should be restricted, not hidden.",
  source: "Manage API keys - Google Cloud Documentation; Learn about using and managing API keys for Firebase",
  severity: "error",
  keywords: ["aiza"],
  pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: (secret, context) => {
    const body = secret.slice(4);
    // Inside a base64 blob (an image, a certificate, a minified asset), where `+`, `/` or `=`
    // bound the 39 characters: a look-alike, not a key.
    const before = context.text[context.index - 1] ?? "";
    const after = context.text[context.index + secret.length] ?? "";
    if (/[+/]/.test(before) || /[+/=]/.test(after)) return false;
    if (/(.)\1{5}/.test(body)) return false; // a run: a made-up key
    if (/0123456|1234567|abcdefg|ABCDEFG|qwerty/i.test(body)) return false;
    // Documentation's made-up keys spell counting runs between letters (`…123dEf456GhI789…`).
    if ((body.match(/012|123|234|345|456|567|678|789/g) ?? []).length >= 3) return false;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(body)).length;
    if (classes < 3) return false;
    if (near(context.text, context.index, 600, /authDomain|firebaseConfig|messagingSenderId|firebaseio\.com|firebaseapp\.com|current_key|mobilesdk_app_id|GoogleService-Info|google_app_id/)) {
      return { severity: "warn", note: "Firebase app API key: public by design, restrict it in the Google Cloud console" };
    }
    return true;
  },
});

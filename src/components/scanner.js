// The camera and the browser's BarcodeDetector, behind the scan button
// (src/components/scanner.rs). Browsers without BarcodeDetector (desktop
// Linux Chromium, Firefox) get no button: the code is typed or pasted.

export function canScan() {
  return "BarcodeDetector" in window && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

// Shows the back camera in `video` until a code of `formats` is read and
// resolves with its text, or with null once `video.dataset.stop` is set.
// The camera is always released.
export async function scanOnce(video, formats) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  try {
    video.srcObject = stream;
    await video.play();
    const detector = new BarcodeDetector({ formats });
    for (;;) {
      if (video.dataset.stop) return null;
      const found = await detector.detect(video).catch(() => []);
      if (found.length) return found[0].rawValue;
      await new Promise((ok) => setTimeout(ok, 150));
    }
  } finally {
    stream.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  }
}

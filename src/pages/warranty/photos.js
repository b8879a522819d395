// Claim photos (src/pages/warranty/photos.rs): the browser decodes the
// picture and draws it at the size Rust chose, as a JPEG; a 12-megapixel
// tablet photo becomes about 150 KB before it is stored.

export async function openImage(file) {
  return createImageBitmap(file);
}

// The bitmap drawn at `width`×`height`, as base64 JPEG bytes. The bitmap is released.
export async function toJpeg(bitmap, width, height, quality) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d").drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise((ok) => canvas.toBlob(ok, "image/jpeg", quality));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The verification QR code, shared by both renderers. */
import QRCode from 'qrcode';

/** PNG of a QR code for the verification URL (error correction M survives a worn printout). */
export async function verificationQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 0, width: 240 });
}

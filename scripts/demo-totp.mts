// `npm run demo:totp -- <correo>`: the current second-factor code of a demo staff account, for
// trying the demo without an authenticator app. Needs no database (the running server holds the
// embedded one): demo secrets are derived from the e-mail (prisma/seed/demo-totp.ts).
//   npm run demo:totp                          every demo account that uses a second factor
//   npm run demo:totp -- admin@demo.certifica.gt
//   npm run demo:totp -- --clave JBSW Y3DP …   any secret (e.g. one shown at a new enrolment)
import { demoSecondFactorAccounts, demoTotpSecret, isDemoEmail, totpCodeAt } from "../prisma/seed/demo-totp";

const args = process.argv.slice(2);

function show(label: string, secret: string) {
  const { code, secondsLeft } = totpCodeAt(secret);
  console.log(`${code}  ${label} (vale ${secondsLeft} s más)`);
}

if (args[0] === "--clave" || args[0] === "--secret") {
  const secret = args.slice(1).join("").replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z2-7]{16,}=*$/.test(secret)) {
    console.error("Escriba la clave en base32 tal como la muestra la pantalla de configuración (letras A-Z y dígitos 2-7).");
    process.exit(1);
  }
  show("clave indicada", secret);
} else if (args.length === 0) {
  for (const a of demoSecondFactorAccounts()) show(a.email, demoTotpSecret(a.email));
} else {
  for (const email of args) {
    if (!isDemoEmail(email)) {
      console.error(`${email}: solo las cuentas de demostración (@demo.certifica.gt) tienen una clave conocida. Use --clave <clave> para otra.`);
      process.exitCode = 1;
      continue;
    }
    show(email.trim().toLowerCase(), demoTotpSecret(email));
  }
}

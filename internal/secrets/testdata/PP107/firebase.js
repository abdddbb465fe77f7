// Firebase web configuration.
const firebaseConfig = {
  apiKey: "AIzaPPatrol_6N0q9khGpw48gKS4s7fZFAggQv-", // want: PP107
  authDomain: "acme-app.firebaseapp.com",
  projectId: "acme-app",
  appId: "1:123456789012:web:abcdef",
};

// Safe look-alikes.
const docsConfig = { apiKey: "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" };
const envConfig = { apiKey: process.env.FIREBASE_API_KEY };
const shortKey = "AIzaPPatrol_6N0q9khGpw48gKS4s7fZ";

export default firebaseConfig;

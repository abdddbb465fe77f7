const express = require("express");

const config = {
  port: 3000,
  sessionSecret: "chbkER0Af7BOfjtNayviHzm5", // want: PP110
  apiKey: process.env.API_KEY,
  tokenExpiry: "15m",
  passwordMinLength: 12,
};

const headers = { "x-api-key": "M8AhghjsllAj7n4JuXFZo2qh" }; // want: PP110
const docs = { "x-api-key": "YOUR-API-KEY" };

module.exports = { config, headers, docs };

// poles-qa chat page: asks POST /ask and POST /feedback on the same origin, no library, no build step.
// The state (conversation id, turns) survives a reload in localStorage; answer-view.js draws the turns.
import { renderTurn } from "./answer-view.js";

const STORE_KEY = "poles-qa:conversation";
const TURNS_KEPT = 30; // turns kept across a reload; older ones stay on the server only
const TIMEOUT_MS = 30000;

const $ = (id) => document.getElementById(id);
const form = $("ask-form");
const box = $("question");
const sendButton = $("send");
const conversation = $("conversation");
const announcer = $("announcer");
const status = $("status");
const statusText = $("status-text");
const retryButton = $("retry");
const counter = $("count");
const counterLine = $("question-count");

const MESSAGES = {
  working: "Recherche dans les documents…",
  empty: "Écrivez d'abord une question.",
  network:
    "Impossible de joindre le service : il redémarre peut-être, ou la connexion est coupée. " +
    "Votre question est gardée, réessayez dans un instant.",
  timeout: "Le service met trop de temps à répondre. Réessayez dans un instant.",
  notReady: "Le service démarre : l'index des documents n'est pas encore chargé. Réessayez dans quelques secondes.",
  tooMany: (s) => `Trop de requêtes : réessayez dans ${s} seconde${s > 1 ? "s" : ""}.`,
  canRetry: "Vous pouvez renvoyer votre question.",
  server: (code) => `Le service a rencontré une erreur (code ${code}). Réessayez dans un instant.`,
  newConversation: "Nouvelle conversation : posez votre question.",
};

let state = loadState();
let busy = false;
let blockedUntil = 0;
let lastQuestion = "";
let keySeed = 0;

// ---- state kept across reloads ----
function emptyState() {
  return { conversationId: null, answers: 0, turns: [] };
}

function loadState() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY));
    if (saved && Array.isArray(saved.turns)) return saved;
  } catch (_) {
    // storage unavailable or unreadable: start afresh
  }
  return emptyState();
}

function saveState() {
  state.turns = state.turns.slice(-TURNS_KEPT);
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(state));
  } catch (_) {
    // private browsing or full storage: the conversation still works until the tab closes
  }
}

// ---- status line: spinner, errors, retry ----
function showStatus(text, { isError = false, isBusy = false, retry = false } = {}) {
  status.hidden = false;
  status.classList.toggle("error", isError);
  status.classList.toggle("busy", isBusy);
  statusText.textContent = text;
  retryButton.hidden = !retry;
}

function hideStatus() {
  status.hidden = true;
  statusText.textContent = "";
}

function setBusy(value) {
  busy = value;
  sendButton.disabled = value || Date.now() < blockedUntil;
  conversation.setAttribute("aria-busy", String(value));
}

function announce(answer) {
  const prefix = answer.refused ? "Pas de réponse dans les documents : " : "Réponse : ";
  announcer.textContent = "";
  window.setTimeout(() => {
    announcer.textContent = prefix + (answer.answer || "");
  }, 50);
}

// ---- HTTP ----
async function postJSON(path, body) {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    return await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal: controller.signal,
    });
  } finally {
    window.clearTimeout(timer);
  }
}

async function detailOf(response) {
  try {
    const body = await response.json();
    if (typeof body.detail === "string") return body.detail;
  } catch (_) {
    // not JSON
  }
  return MESSAGES.server(response.status);
}

function retryAfter(response) {
  const seconds = Number.parseInt(response.headers.get("Retry-After") || "", 10);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 5;
}

function blockFor(seconds) {
  blockedUntil = Date.now() + seconds * 1000;
  sendButton.disabled = true;
  showStatus(MESSAGES.tooMany(seconds), { isError: true });
  window.setTimeout(() => {
    if (Date.now() < blockedUntil) return;
    sendButton.disabled = busy;
    showStatus(MESSAGES.canRetry);
  }, seconds * 1000 + 50);
}

async function failureMessage(response) {
  if (response.status === 429) return { wait: retryAfter(response) };
  if (response.status === 503) return { text: MESSAGES.notReady, retry: true };
  if (response.status >= 500) return { text: MESSAGES.server(response.status), retry: true };
  return { text: await detailOf(response), retry: false };
}

async function ask(question) {
  if (busy) return;
  const text = question.trim();
  if (!text) {
    showStatus(MESSAGES.empty, { isError: true });
    box.focus();
    return;
  }
  if (Date.now() < blockedUntil) {
    showStatus(MESSAGES.tooMany(Math.ceil((blockedUntil - Date.now()) / 1000)), { isError: true });
    return;
  }
  lastQuestion = text;
  setBusy(true);
  showStatus(MESSAGES.working, { isBusy: true });
  let response;
  try {
    response = await postJSON("/ask", { question: text, conversation_id: state.conversationId || undefined });
  } catch (error) {
    setBusy(false);
    showStatus(error.name === "AbortError" ? MESSAGES.timeout : MESSAGES.network, { isError: true, retry: true });
    return;
  }
  if (!response.ok) {
    const failure = await failureMessage(response);
    setBusy(false);
    if (failure.wait) blockFor(failure.wait);
    else showStatus(failure.text, { isError: true, retry: failure.retry });
    return;
  }
  const answer = await response.json();
  setBusy(false);
  received(text, answer);
}

function received(question, answer) {
  const previous = state.turns[state.turns.length - 1];
  const continuing = Boolean(state.conversationId) && state.answers > 0;
  state.conversationId = answer.conversation_id || state.conversationId;
  state.answers += 1;
  const turn = {
    key: `t${Date.now().toString(36)}${(keySeed += 1)}`,
    question,
    answer,
    number: Number.isInteger(answer.turn) ? answer.turn : state.answers,
    vote: null,
    forgotten: continuing && answer.turn === 1,
  };
  state.turns.push(turn);
  saveState();
  hideStatus();
  renderTurn(conversation, turn, previous, { sendVote, persist: saveState });
  announce(answer);
  if (box.value.trim() === question) box.value = "";
  updateCount();
  if (document.activeElement === document.body || document.activeElement === sendButton) box.focus();
}

async function sendVote(turn, vote, comment, said) {
  const answer = turn.answer;
  const target = answer.answer_id ? { answer_id: answer.answer_id } : { conversation_id: answer.conversation_id, turn: turn.number };
  said.textContent = "Envoi de votre avis…";
  let response;
  try {
    response = await postJSON("/feedback", { ...target, vote, comment: comment || undefined, channel: "web" });
  } catch (_) {
    said.textContent = "Avis non envoyé : le service est injoignable. Réessayez dans un instant.";
    return false;
  }
  if (response.ok) {
    said.textContent = comment ? "Merci, votre commentaire est enregistré." : "Merci pour votre avis !";
    return true;
  }
  if (response.status === 404) said.textContent = "Cette réponse n'est plus connue du service : avis non enregistré.";
  else if (response.status === 429) said.textContent = MESSAGES.tooMany(retryAfter(response));
  else if (response.status === 503) said.textContent = "Avis non enregistré : le service est momentanément indisponible.";
  else said.textContent = await detailOf(response);
  return false;
}

// ---- wiring ----
function updateCount() {
  const max = Number(box.getAttribute("maxlength")) || 1000;
  counter.textContent = String(box.value.length);
  counterLine.classList.toggle("near", box.value.length >= max * 0.9);
}

function newConversation() {
  state = emptyState();
  saveState();
  conversation.replaceChildren();
  hideStatus();
  announcer.textContent = MESSAGES.newConversation;
  box.value = "";
  updateCount();
  box.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(box.value);
});
box.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
box.addEventListener("input", updateCount);
retryButton.addEventListener("click", () => ask(lastQuestion || box.value));
$("new-conversation").addEventListener("click", newConversation);
document.querySelectorAll("button.example").forEach((button) => {
  button.addEventListener("click", () => {
    if (busy) return;
    box.value = button.textContent;
    updateCount();
    ask(button.textContent);
  });
});

state.turns.forEach((turn, i) => renderTurn(conversation, turn, state.turns[i - 1], { sendVote, persist: saveState }));
updateCount();

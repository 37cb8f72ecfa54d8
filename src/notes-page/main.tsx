// notes.js: the notes page's entry (notes-page.tsx is the page).
import { render } from "preact";
import { NotesPage } from "./notes-page";

const root = document.getElementById("app");
if (root) render(<NotesPage />, root);

// Surnames of European cultures and their diasporas, written from general knowledge of common
// family names. Multi-word surnames are listed by their capitalised part ("van der Berg" → Berg),
// since the detector joins lower-case particles (van, de, da, von…) itself. Accents and case fold.
export const SURNAMES_EUROPE: Readonly<Record<string, string>> = {
  // English, Welsh and North American.
  english: `Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee
    Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson
    Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook
    Morgan Bell Murphy Bailey Cooper Richardson Cox Howard Ward Peterson Gray Grey Watson Brooks Kelly Sanders Price
    Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Flores Washington Butler
    Simmons Foster Bryant Alexander Russell Griffin Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West
    Jordan Owens Reynolds Fisher Ellis Harrison Gibson McDonald Marshall Wells Freeman Webb Simpson Stevens Tucker
    Porter Hunter Hicks Crawford Henry Boyd Mason Kennedy Warren Dixon Burns Gordon Shaw Holmes Rice Robertson Hunt
    Black Daniels Palmer Mills Nichols Grant Knight Ferguson Stone Hawkins Dunn Perkins Hudson Spencer Gardner Stephens
    Payne Pierce Berry Matthews Arnold Wagner Willis Ray Watkins Olson Carroll Duncan Snyder Hart Cunningham Bradley
    Lane Andrews Harper Fox Riley Armstrong Carpenter Weaver Greene Lawrence Elliott Chapman Fowler Howell Lambert
    Atkinson Barker Bishop Booth Bradshaw Briggs Burton Chambers Clarke Cross Davies Dawson Day Dean Doyle Fletcher
    Francis Fraser Gilbert Goodwin Hall Hammond Holland Hopkins Horton Hughes Jennings Lloyd Lucas Marsh Newman
    Norris Osborne Page Parsons Pearson Poole Reid Rhodes Rowe Saunders Sharp Sutton Thornton Townsend Wade Walsh
    Walton Waters Watts Whitehead Wilkinson Winter Yates Pritchard Bowen Powell Vaughan Rees Price Griffiths Jenkins
    Hopkins Llewellyn Meredith Morgan Owen Parry Pugh Thomas Vaughan Ashworth Blackwell Buckley Caldwell Cartwright
    Chandler Dalton Eaton Farrell Fitzgerald Garrett Hale Harding Hobbs Kirby Lowe Lynch Maxwell Mullins Nash Norton
    Oliver Patel Peck Quinn Randall Rich Sherman Sims Slater Summers Swanson Thornton Underwood Vance Walters Webster
    Wheeler Whitney Wiley Wolfe Holt Barton Bates Benson Blake Bolton Brennan Burke Cannon Chase Conway Curtis Dennis
    Douglas Drake Emerson Finch Fleming Frost Gill Glover Gregory Hanson Harvey Hayward Hodges Hogan Hood Houston
    Ingram Jacobs Keller Kemp Lamb Lawson Leonard Lester Little Lyons Mann Manning May McCoy Mercer Moran Morton`,
  // Irish and Scottish (Mac/Mc/O' forms; Irish-language forms by their main word).
  irish: `Murphy Kelly Byrne Ryan Walsh Doyle McCarthy Gallagher Doherty Kennedy Lynch Murray Quinn Moore McLoughlin
    Carroll Connolly Daly Connell Wilson Dunne Brennan Burke Collins Campbell Clarke Johnston Hughes Farrell Fitzgerald
    Brown Martin Maguire Nolan Flynn Thompson Callaghan Donnell Duffy Mahony Boyle Healy Shea White Sweeney Hayes
    Kavanagh Power McGrath Moran Brady Stewart Casey Foley Fitzpatrick Leary McDonnell MacDonald McMahon Donnelly Regan
    Donovan Burns Flanagan Mullan Barry Kane Robinson Cunningham Griffin Kenny Sheehan Ward Whelan Lyons Reid Graham
    Higgins Cullen Keane King Maher McKenna Bell Scott Hogan Keeffe Magee McNamara McDonald McDermott Moloney Rourke
    Buckley Dwyer O'Brien O'Sullivan O'Connor O'Neill O'Reilly O'Donnell O'Callaghan O'Mahony O'Shea O'Leary O'Keeffe
    O'Rourke O'Donovan O'Dwyer O'Driscoll O'Hara O'Malley O'Regan O'Toole Sullivan Brien Connor Neill Reilly Driscoll
    MacKenzie McKenzie MacLeod McLeod MacGregor McGregor MacLean McLean Mackay McKay Robertson Ross Fraser Sinclair
    Cameron Drummond Ferguson Forbes Gordon Hamilton Munro Murdoch Douglas Kerr Buchanan Stewart Wallace Burns
    Súilleabháin Ceallaigh Briain Domhnaill Cárthaigh Breathnach Ceallacháin Dónaill Néill Conchúir Raghallaigh`,
  // French.
  french: `Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia
    David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez
    Legrand Garnier Faure Rousseau Blanc Guerin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clement Gauthier
    Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gerard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger
    Roche Roy Noel Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt
    Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine
    Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Silva Hubert Louis Charles Guillot
    Riviere Rivière Gall Guillaume Adam Rey Moulin Gonzalez Berger Lecomte Menard Fleury Deschamps Carpentier Julien
    Benoit Paris Maillard Marchal Aubry Vasseur Renault Jacquet Collet Prevost Poirier Charpentier Royer Huet
    Baron Dupuy Pons Paul Laine Carre Breton Schneider Perrot Guyot Barre Marty Cousin Lebrun Hamon Tessier
    Chauvin Bouvier Brunel Leblanc Lemaitre Mallet Besson Boucher Dupré Delmas Laporte Marechal Poulain Texier`,
  // German, Austrian and Swiss.
  german: `Müller Mueller Schmidt Schneider Fischer Weber Meyer Meier Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
    Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz
    Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz
    Möller Weiß Weiss Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
    Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß
    Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas
    Voigt Sauer Arnold Wolff Pfeiffer Ernst Wendt Wilhelm Kessler Stolz Bischoff Brinkmann Hesse Ahrens Lindner
    Hoppe Rieger Gerlach Kaufmann Kunz Stark Lutz Kramer Herzog Kolb Brandl Hauser Steiner
    Gruber Wimmer Egger Moser Pichler Leitner Hofer Mayr Eder Auer Lechner Wallner Schwaiger Reiter Aigner Brunner
    Baumgartner Eberhardt Ebert Fiedler Förster Göbel Hübner Kirchner Kretschmer Lenz Marx Naumann Nowak Paul Reuter
    Ritter Schilling Schott Schwab Seifert Sievers Stahl Ulrich Vollmer Wirth Witt Wolter Zeller Zimmer Zander Ziemann`,
  // Dutch and Flemish (particles van, de, der, den, ter are joined by the detector).
  dutch: `Jansen Janssen Bakker Visser Smit Meijer Meyer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Smits
    Vermeulen Kok Jacobs Vries Dijk Berg Bergh Linden Heuvel Veen Wal Leeuwen Meer Groot Graaf Boer Wit Jong Bruijn
    Beek Wijk Vliet Kuipers Kuiper Hoekstra Verhoeven Willems Koster Maas Verbeek Prins Post Huisman Peeters Timmermans
    Kramer Schouten Koning Blom Hermans Gerritsen Bosch Boom Wouters Veenstra Sanders Evers Claes Goossens Maes
    Wouters Mertens Willems Lambrechts Dubois Desmet Verstraeten Hermans Jacobs Vandenberghe Vermeersch Claeys
    Hoek Zwart Hoogland Brink Dam Steen Veldman Molenaar Geerts Postma Hofman Lammers Wolters Aalbers Ruiter
    Verhagen Scholten Bosman Koopman Sluiter Kroon Stam Hoogendoorn Dirksen Ruijter Pronk Kok Vink Brands Verschoor`,
  // Italian.
  italian: `Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Luca Mancini
    Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone
    Longo Gentile Martinelli Vitale Lombardo Serra Coppola Santis Marchetti Parisi Villa Conte Ferraro Ferri Fabbri
    Bianco Marini Grasso Valentini Messina Sala Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli
    Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra
    Palmieri Bernardi Martino Fiore Rota Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri
    Costantini Milani Pagano Ruggiero Sorrentino Angelis Orlando Damico Negri Bassi
    Berlusconi Bonomi Cavalli Colonna Esposti Fabbro Gallina Gismondi Lazzari Lucchesi Manzoni Mazzini Nardi Olivieri
    Pastore Poli Quaranta Raimondi Sacco Salvi Santini Tedesco Valenti Zanetti Zanella Zito Vinci Moretto Bellucci`,
  // Spanish and Latin American.
  spanish: `García Garcia Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández
    Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano
    Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés
    Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera
    Campos Vega Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo
    Giménez Ibáñez Ferrer Durán Santiago Benítez Mora Vicente Vargas Arias Carmona Crespo Román Pastor Soto Sáez Velasco
    Moya Soler Parra Esteban Bravo Gallardo Rojas Pardo Merino Franco Espinosa Izquierdo Lara Rivas Silva Rivera Casado
    Camacho Arroyo Redondo Vera Mendoza Salazar Aguirre Contreras Guzmán Rosales Sandoval Valencia Valenzuela Cervantes
    Espinoza Acosta Cárdenas Figueroa Juárez Luna Maldonado Orozco Padilla Pacheco Quintero Ríos Salinas Trujillo
    Villanueva Zamora Ávila Avila Bautista Cisneros Escobar Estrada Galván Ibarra Lugo Macías Mejía Miranda Montes
    Ochoa Olvera Paredes Ponce Quiroga Rangel Robles Solís Tapia Trejo Valdez Velázquez Villarreal Zavala
    Alvarado Barrera Carrillo Cordero Córdoba Duarte Fajardo Guerra Jaramillo Leal Meza Navarrete Osorio Palacios`,
  // Portuguese and Brazilian.
  portuguese: `Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Souza Fernandes Gonçalves Gomes
    Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro
    Cardoso Rocha Raposo Neves Coelho Cruz Cunha Pires Ramos Reis Simões Matos Fonseca Machado Araújo Barbosa
    Tavares Lourenço Castro Figueiredo Azevedo Freitas Batista Barros Lima Dias Campos Nascimento Andrade Moura Brito
    Magalhães Cavalcanti Cavalcante Medeiros Melo Mello Miranda Nogueira Quintela Sampaio Siqueira Toledo Xavier Valente
    Bezerra Borges Cabral Caldeira Couto Esteves Faria Guimarães Leite Macedo Morais Paiva Pacheco Portela Queiroz
    Rezende Sá Salgado Sequeira Serrano Vasconcelos Aguiar Amaral Assis Bastos Brandão Calado Dantas Falcão Lacerda`,
};

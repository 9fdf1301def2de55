// Given names of African cultures, written from general knowledge: Nigerian (Yoruba, Igbo, Hausa
// and the English and Christian names common there), Ghanaian (Akan day names, Ewe, Ga), Southern
// African (Zulu, Xhosa, Sotho, Tswana, Afrikaans), East African (Swahili, Kikuyu, Luo, Kalenjin,
// Luhya, Kamba, Ugandan) and Ethiopian/Eritrean, and West African francophone (Wolof, Fula, Serer).
export const GIVEN_AFRICA: Readonly<Record<string, string>> = {
  // Yoruba.
  yoruba: `Adebayo Adewale Adeola Adeyemi Adekunle Adebola Adedayo Adegoke Ademola Adeniyi Adesina Adetokunbo Akinwale
    Akintunde Ayodele Ayodeji Babatunde Bamidele Damilola Dare Durojaiye Femi Folarin Gbenga Kayode Kehinde Taiwo Idowu
    Olumide Olusegun Oluwaseun Seun Segun Tunde Tunji Wale Yemi Kunle Lanre Dapo Dotun Jide Bayo Niyi Sola Toyin Tope
    Temitope Tolulope Tolu Titilayo Titi Funmilayo Funmi Folake Folasade Sade Bukola Bukky Yetunde Omolara Lara Abimbola
    Bimbo Abiodun Aderonke Ronke Adunni Adenike Nike Ayobami Ayomide Ifeoluwa Iyabo Moji Modupe Morenike Oyinkansola
    Oyin Simisola Simi Opeyemi Oreoluwa Omotola Olabisi Bisi Omowunmi Wunmi Mojisola Adetola Adeoluwa Eniola Inioluwa
    Boluwatife Mayowa Ololade Fisayo Jumoke Kemi Olayinka Yinka Gbemisola Taiye Kolawole Oladipo Oladele Oladimeji`,
  // Igbo.
  igbo: `Chukwuemeka Emeka Chinedu Chidi Chidiebere Chibuike Chibueze Chiemeka Chijioke Chike Chima Chinonso Nonso
    Chukwudi Ikechukwu Ike Ikenna Kelechi Nnamdi Obinna Obiora Okechukwu Okey Onyeka Tochukwu Uchenna Uche Ugochukwu
    Ugo Ifeanyi Ifeanyichukwu Kenechukwu Ebuka Somtochukwu Somto Nnaemeka Azubuike Ekene Olisa Chiamaka Adaeze Ada
    Adaora Amaka Chinwe Chioma Chidinma Chinenye Chinyere Ebere Ego Ngozi Nkechi Nneka Nkiru Ogechi Obiageli Onyinye
    Uzoamaka Uju Ifeoma Ifunanya Ijeoma Oluchi Chisom Chiamaka Kosisochukwu Munachi Ozioma Zikora Adanna Amarachi`,
  // Hausa and northern Nigerian (many are Arabic names in Hausa spelling).
  hausa: `Abubakar Aminu Bello Danjuma Garba Haruna Ibrahim Idris Isa Kabiru Lawal Mohammed Muhammadu Musa Nasiru Sani
    Shehu Sule Suleiman Umaru Usman Yakubu Yusuf Zubairu Aliyu Bashir Habibu Jibril Mahmud Mustapha Nuhu Rabiu Salisu
    Tijjani Auwal Dauda Hamisu Ahmadu Aisha Amina Asabe Binta Fatima Hadiza Halima Hauwa Jummai Ladi Maryam Rabi Rakiya
    Safiya Salamatu Zainab Zuwaira Hafsat Balaraba Bilkisu Hannatu Khadija Larai Saadatu Talatu Ummi Yagana`,
  // Nigerian and Ghanaian English and Christian names, and other Nigerian names (Edo, Efik, Ijaw, Tiv).
  west_african_english: `Blessing Godwin Goodluck Favour Precious Peace Patience Prosper Promise Gift Mercy Comfort Grace
    Emmanuel Samuel Joseph Daniel Michael Victor Sunday Monday Friday Innocent Moses Gideon Solomon Isaac Ebenezer
    Kingsley Osagie Osaro Efosa Osas Eghosa Nosa Ehis Ekaette Ekemini Etim Effiong Ini Idara Timi Tari Tamuno Ebiere
    Ebi Terver Doosuur Aondona Nsikak Uduak Ufot Edidiong Imaobong Emem Tamunotonye Ibinabo Boma Bassey Eno Okon`,
  // Ghanaian: Akan day names (male/female), Ewe and Ga names, and common Ghanaian given names.
  ghanaian: `Kwame Kwaku Kwabena Kwadwo Kojo Kofi Kweku Kwesi Kwasi Yaw Yao Kwadjo Ekow Kobina Kobena Kodwo Akwasi
    Akosua Adwoa Abena Akua Yaa Afua Efua Ama Esi Adjoa Aba Afia Akuba Araba Ekua Efia Adjua Akos Ewurabena Ewurama
    Nana Kwamena Fiifi Paa Nii Naa Ayi Tetteh Kpakpo Ayitey Lamptey Korkor Dede Adoley Adukwei Akuorkor Naki Mawuli
    Mawuena Edem Selasi Selassie Senyo Elikem Delali Dzifa Enyonam Esinam Kafui Makafui Yayra Sena Xorlali Eyram
    Kwamina Kwajo Yaw Kojo Atta Panyin Kakra Nhyira Adom Ohemaa Maame Obaapa Afriyie Asantewaa Serwaa Pokuaa Boatemaa`,
  // Zulu, Xhosa, Sotho, Tswana and other Southern African names.
  southern_african: `Sipho Thabo Themba Bongani Sibusiso Sandile Mandla Mthunzi Nkosinathi Sifiso Lwazi Lungelo Mlungisi
    Musa Jabulani Thulani Vusi Vusumuzi Siyabonga Sizwe Andile Ayanda Lindani Mxolisi Nhlanhla Njabulo Phila Sabelo
    Senzo Thamsanqa Thando Xolani Zola Zolani Lunga Luthando Lwandile Mpho Tshepo Teboho Lerato Kagiso Karabo Katlego
    Kabelo Kgosi Lesego Lebogang Neo Oratile Tebogo Tumelo Tumi Boitumelo Dineo Keabetswe Refilwe Palesa Puleng Mamello
    Nomvula Nomsa Nokuthula Nandi Thandeka Thandi Thandiwe Zanele Zodwa Zinhle Zandile Busisiwe Buhle Hlengiwe Lindiwe
    Londiwe Nolwazi Nompumelelo Ntombi Nosipho Phumzile Sibongile Sindisiwe Sinethemba Siphesihle Thembeka Thembi
    Nonhlanhla Nondumiso Khanyisile Mbali Lwandle Ayabonga Anathi Asanda Athini Aphiwe Bulelani Lulama Siphokazi`,
  // Afrikaans.
  afrikaans: `Johannes Hendrik Jacobus Pieter Petrus Gerhardus Frederik Christiaan Willem Nicolaas Barend Stefanus Andries
    Schalk Jaco Francois Riaan Ruan Wikus Danie Deon Gert Koos Kobus Neels Sarel Tiaan Hennie Jannie Wessel Louw Divan
    Charl Estian Heinrich Jurie Marius Morne Pieter-Steph Anri Anel Annelie Annemarie Carien Elmarie Elsabe Hanlie
    Hester Ilse Jana Karlien Liezel Lizelle Madelein Marelize Mariska Marli Marietjie Mia Nadia Rina Ronel Sanet Santie
    Susanna Wilna Yolandi Zelda Magrietha Johanna Cornelia Aletta Martha Elna Retha Riana Sunette Zandri Charlize`,
  // East African: Swahili, Kikuyu, Luo, Kalenjin, Luhya, Kamba, Meru (Kenya, Tanzania) and Ugandan.
  east_african: `Baraka Juma Rashidi Hamisi Bakari Omari Saidi Salim Jabari Jelani Imani Zawadi Neema Rehema Amani Furaha
    Subira Tumaini Upendo Zuberi Zuri Mwajuma Mwanaisha Mwanajuma Kamau Mwangi Njoroge Kariuki Kimani Kinyua Kibet
    Kiprono Kiprotich Kipchoge Kiplagat Kipkemboi Kiptoo Kipruto Kimutai Cheruiyot Chebet Chepkoech Jepkosgei Jeptoo
    Jerotich Otieno Ochieng Onyango Odhiambo Omondi Owino Oduor Okoth Okello Opiyo Ouma Akinyi Achieng Atieno Adhiambo
    Awino Anyango Auma Akoth Aoko Apiyo Wanjiru Wambui Wairimu Wanjiku Njeri Nyokabi Nyambura Muthoni Wangari Wangui
    Wanjala Wekesa Wafula Barasa Simiyu Nafula Nasimiyu Nekesa Mutua Musyoka Mwende Mwikali Ndinda Kalekye Makena
    Kagendo Gakii Karimi Mugo Gitau Maina Macharia Mbugua Ngugi Njuguna Wachira Waweru Mutiso Kioko Kyalo Musau
    Nakato Babirye Nalubega Namubiru Nansubuga Kato Wasswa Mukasa Ssemakula Okello Opio Akello Atim Apio Aber Lanyero`,
  // Ethiopian and Eritrean (Amharic, Oromo, Tigrinya).
  ethiopian: `Abebe Tesfaye Dawit Yonas Getachew Solomon Kebede Mesfin Henok Bekele Haile Girma Alemu Tadesse Tekle
    Yohannes Mulugeta Berhanu Fikru Gebre Hailu Kassahun Lemma Mengistu Negash Samuel Sisay Tamrat Tewodros Wondimu
    Yared Zerihun Abiy Amanuel Ermias Eyob Fasil Kidus Mikias Natnael Robel Tsegaye Worku Yeabsira Teklu Tesfalem
    Almaz Aster Bethlehem Betelhem Eden Genet Hanna Helen Hirut Hiwot Kidist Liya Mahlet Mekdes Meron Mulu Rahel
    Saba Selam Selamawit Senait Sara Tigist Tsion Yeshi Yodit Zewditu Zufan Meseret Birtukan Tirunesh Netsanet`,
  // Senegalese, Malian, Guinean and other West African francophone names (Wolof, Fula, Mandinka, Serer).
  sahel: `Abdou Abdoulaye Aliou Alioune Amadou Assane Babacar Bamba Boubacar Cheikh Djibril Elhadji Habib Ibrahima
    Idrissa Lamine Mamadou Mame Modou Moustapha Oumar Ousmane Pape Papa Saliou Seydou Souleymane Yoro Youssou Malick
    Aïssatou Aminata Astou Awa Binta Coumba Dieynaba Fatou Fatoumata Khady Kadiatou Mariama Maimouna Ndeye Ngoné Oumou
    Ramatoulaye Rokhaya Sokhna Soda Yacine Adama Penda Ndella Daba Marème Seynabou Nafissatou Kiné Mbayang Diarra`,
};
